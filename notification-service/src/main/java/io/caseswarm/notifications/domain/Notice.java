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

    /**
     * To an expert the expert finder chose, with the two answers they can give. Answering needs the
     * expert's own token, so the mail holds no links (a link from a mail is a GET without a token, and
     * could only fail); it names the swarm and the case and says how to answer.
     */
    record SwarmInvitation(String expertName, String caseNumber, String question, UUID swarmId, String personId)
            implements Notice {
        public String template() {
            return "swarm-invitation";
        }

        public String subject() {
            return "You are invited to a swarm on " + caseNumber;
        }

        public String text() {
            String member = "/swarms/" + swarmId + "/members/" + personId;
            return "Hello " + expertName + ",\n\nyour skills match a swarm on case " + caseNumber + ".\n\n"
                    + "The question: " + (question == null ? "(see the swarm)" : question) + "\n\n"
                    + "To answer, sign in to Caseswarm and open swarm " + swarmId + " on case " + caseNumber
                    + ": join it, or decline so that the next expert is asked.\n\n"
                    + "With the API, call swarm-service with your own token:\n"
                    + "  Join:    POST " + member + "/join\n"
                    + "  Decline: POST " + member + "/decline (optional body {\"reason\": \"...\"})\n\n"
                    + "This mail has no links to click: answering needs you signed in.\n\nCaseswarm";
        }
    }
}
