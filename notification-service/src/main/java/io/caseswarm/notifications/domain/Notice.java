package io.caseswarm.notifications.domain;

import java.util.UUID;

/** What one notification says. Each kind writes its own subject and text. */
public sealed interface Notice {

    String template();

    String subject();

    String text();

    /** To the customer, as soon as a case is opened. */
    record CaseReceived(String customerName, String caseNumber, String caseSubject) implements Notice {
        public String template() {
            return "case-received";
        }

        public String subject() {
            return "We have your case " + caseNumber + ": " + caseSubject;
        }

        public String text() {
            return "Hello " + customerName + ",\n\nwe have your case " + caseNumber + " (\"" + caseSubject
                    + "\"). One person owns it until it is solved, and brings in whoever can help.\n\n"
                    + "Reply to this mail to add anything.\n\nCaseswarm";
        }
    }

    /** To the customer, when the owner resolves the case. */
    record CaseSolved(String customerName, String caseNumber, String resolution) implements Notice {
        public String template() {
            return "case-solved";
        }

        public String subject() {
            return "Your case " + caseNumber + " is solved";
        }

        public String text() {
            return "Hello " + customerName + ",\n\nyour case " + caseNumber + " is solved:\n\n" + resolution
                    + "\n\nIf it comes back, reply to this mail and we will reopen it.\n\nCaseswarm";
        }
    }

    /** To an expert the expert finder chose, with the two answers they can give. */
    record SwarmInvitation(String expertName, String caseNumber, String question, String swarmServiceUrl,
            UUID swarmId, String personId) implements Notice {
        public String template() {
            return "swarm-invitation";
        }

        public String subject() {
            return "You are invited to a swarm on " + caseNumber;
        }

        public String text() {
            String member = swarmServiceUrl + "/swarms/" + swarmId + "/members/" + personId;
            return "Hello " + expertName + ",\n\nyour skills match a swarm on case " + caseNumber + ".\n\n"
                    + "The question: " + (question == null ? "(see the swarm)" : question) + "\n\n"
                    + "Join (POST):\n" + member + "/join\n\n"
                    + "Decline (POST):\n" + member + "/decline\n\nCaseswarm";
        }
    }
}
