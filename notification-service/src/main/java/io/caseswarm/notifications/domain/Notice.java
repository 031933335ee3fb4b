package io.caseswarm.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What one notification says. Each kind writes its own subject and text. */
public sealed interface Notice {

    String template();

    String subject();

    String text();

    /**
     * Written by the desk on its own, in answer to the customer's request, rather than by a person: such
     * a mail tells auto-responders (out-of-office replies) not to answer it, so that two machines do not
     * write to each other through the case.
     */
    default boolean isAutoReply() {
        return false;
    }

    /**
     * How soon the recipient should hear it, which decides whether quiet hours hold it and whether it
     * waits for their digest. Normal unless a notice says otherwise (see docs/events.md for the list).
     */
    default Urgency urgency() {
        return Urgency.NORMAL;
    }

    /**
     * A notice to the customer about their case: it continues the case's mail thread, and its subject
     * carries the case token, so that the customer's answer finds its way back to the case even from a
     * mail client that drops the thread's headers.
     */
    sealed interface AboutCase extends Notice {

        UUID caseId();

        /** {@code [CS-000042]}, as every subject about the case carries it. */
        static String token(String caseNumber) {
            return "[" + caseNumber + "]";
        }
    }

    /** To the customer, as soon as a case is opened. */
    record CaseReceived(UUID caseId, String customerName, String caseNumber, String caseSubject)
            implements AboutCase {
        public String template() {
            return "case-received";
        }

        public String subject() {
            return "We have your case " + AboutCase.token(caseNumber) + ": " + caseSubject;
        }

        @Override
        public boolean isAutoReply() {
            return true;
        }

        public String text() {
            return "Hello " + customerName + ",\n\nwe have your case " + caseNumber + " (\"" + caseSubject
                    + "\"). One person owns it until it is solved, and brings in whoever can help.\n\n"
                    + "Reply to this mail to add anything.\n\nCaseswarm";
        }
    }

    /** To the customer, when the owner resolves the case. */
    record CaseSolved(UUID caseId, String customerName, String caseNumber, String resolution) implements AboutCase {
        public String template() {
            return "case-solved";
        }

        public String subject() {
            return "Your case " + AboutCase.token(caseNumber) + " is solved";
        }

        public String text() {
            return "Hello " + customerName + ",\n\nyour case " + caseNumber + " is solved:\n\n" + resolution
                    + "\n\nIf it comes back, reply to this mail and we will reopen it.\n\nCaseswarm";
        }
    }

    /**
     * To the customer, when somebody working on the case writes to them: a reply, so its subject is the
     * case's own after the case token and "Re:". Attachments are named, not attached: the event carries
     * no content, only what the customer needs to know they exist.
     */
    record CaseMessage(UUID caseId, String customerName, String caseNumber, String caseSubject, String body,
            List<Attachment> attachments) implements AboutCase {

        public CaseMessage {
            attachments = List.copyOf(attachments);
        }

        public String template() {
            return "case-message";
        }

        public String subject() {
            return AboutCase.token(caseNumber) + " Re: " + caseSubject;
        }

        public String text() {
            StringBuilder text = new StringBuilder("Hello " + customerName + ",\n\nthere is a new message on your case "
                    + caseNumber + ":\n\n" + body + "\n\n");
            if (!attachments.isEmpty()) {
                text.append("Attached to it:\n");
                attachments.forEach(attachment -> text.append("  - ").append(attachment.describe()).append('\n'));
                text.append('\n');
            }
            return text.append("Reply to this mail to add to your case.\n\nCaseswarm").toString();
        }

        public record Attachment(String name, long sizeInBytes) {

            private static final long KB = 1024;
            private static final long MB = KB * KB;

            /** As a person reads it: {@code invoice.pdf (1.5 MB)}. */
            public String describe() {
                String size = sizeInBytes < KB ? sizeInBytes + " bytes"
                        : sizeInBytes < MB ? String.format(Locale.ROOT, "%.1f KB", sizeInBytes / (double) KB)
                        : String.format(Locale.ROOT, "%.1f MB", sizeInBytes / (double) MB);
                return name + " (" + size + ")";
            }
        }
    }

    /**
     * To an expert the expert finder chose, with the two answers they can give: one-time links to
     * swarm-service that work without signing in (each opens a page that asks before it acts, so a mail
     * scanner following them changes nothing), and, for those who prefer, the API calls. {@code urgency}
     * follows the swarm: an urgent one cannot wait for the morning, a backlog one can wait for the digest.
     */
    record SwarmInvitation(String expertName, String caseNumber, String question, UUID swarmId, String personId,
            String joinLink, String declineLink, Duration linksValidFor, Urgency urgency) implements Notice {
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
                    + "Join it, or decline so that the next expert is asked:\n\n"
                    + "  Join:    " + joinLink + "\n"
                    + "  Decline: " + declineLink + "\n\n"
                    + "Each link works once, for " + hours(linksValidFor) + ", and asks you to confirm.\n\n"
                    + "Or sign in to Caseswarm and open swarm " + swarmId + " on case " + caseNumber
                    + ", or call swarm-service with your own token:\n"
                    + "  Join:    POST " + member + "/join\n"
                    + "  Decline: POST " + member + "/decline (optional body {\"reason\": \"...\"})\n\nCaseswarm";
        }

        private static String hours(Duration duration) {
            long hours = Math.max(1, duration.toHours());
            return hours + (hours == 1 ? " hour" : " hours");
        }
    }

    /**
     * To somebody a post in a swarm's feed mentions ({@code @person-id}); swarm-service names only people who
     * may read the feed, so the post's text may be quoted.
     */
    record SwarmMention(String caseNumber, UUID swarmId, String authorId, String text) implements Notice {
        public String template() {
            return "swarm-mention";
        }

        public String subject() {
            return "You were mentioned in the swarm on " + caseNumber;
        }

        public String text() {
            return "Hello,\n\n" + authorId + " mentioned you in the swarm on case " + caseNumber + ":\n\n"
                    + text.indent(4) + "\n"
                    + "Open swarm " + swarmId + " in Caseswarm to answer, or call swarm-service with your own token:\n"
                    + "  GET /swarms/" + swarmId + "/posts\n\nCaseswarm";
        }
    }

    /**
     * To a swarm's owner and the leads: the expert finder has nobody left to invite and the swarm still has
     * open places, so somebody has to find help another way (or change what the swarm asks for). A backlog
     * swarm's can wait for the owner's digest; the leads see it in their backlog digest too.
     */
    record SwarmUnstaffed(String caseNumber, UUID swarmId, List<String> skills, int openPlaces, boolean backlogSwarm)
            implements Notice {

        public SwarmUnstaffed {
            skills = List.copyOf(skills);
        }

        public String template() {
            return "swarm-unstaffed";
        }

        /** A stalled swarm: somebody has to act now, or the case waits; a backlog swarm waits anyway. */
        @Override
        public Urgency urgency() {
            return backlogSwarm ? Urgency.LOW : Urgency.URGENT;
        }

        public String subject() {
            return "Nobody left to invite to the swarm on " + caseNumber;
        }

        public String text() {
            return "Hello,\n\nthe swarm on case " + caseNumber + " (swarm " + swarmId + ") still has " + openPlaces
                    + (openPlaces == 1 ? " open place" : " open places") + ", and the expert finder has nobody left"
                    + " to ask for " + String.join(", ", skills) + ": everyone with these skills who is reachable"
                    + " and has room was asked already, or there is nobody.\n\n"
                    + "Find help another way, or ask for a swarm with other skills.\n\nCaseswarm";
        }
    }

    /**
     * To the leads of the pod an urgent swarm was routed to, at once: they see and steer their pod's swarms,
     * and an urgent one should not wait for them to look.
     */
    record UrgentSwarm(String caseNumber, UUID swarmId, String podId, String question, List<String> skills)
            implements Notice {

        public UrgentSwarm {
            skills = List.copyOf(skills);
        }

        public String template() {
            return "swarm-urgent";
        }

        /** The point of telling leads at once: it may reach them in quiet hours, if they opted in. */
        @Override
        public Urgency urgency() {
            return Urgency.URGENT;
        }

        public String subject() {
            return "Urgent swarm on " + caseNumber;
        }

        public String text() {
            return "Hello,\n\nan urgent swarm was asked for on case " + caseNumber + " (swarm " + swarmId
                    + "), in your pod " + podId + ":\n\n" + question + "\n\nSkills wanted: " + String.join(", ", skills)
                    + ".\n\nThe expert finder is inviting people now; you can add people, ask for more or change"
                    + " the skills from the swarm.\n\nCaseswarm";
        }
    }

    /**
     * To a swarm's owner: somebody joined their swarm. Good to know, nothing to do: low urgency, so it
     * waits for the owner's digest if they have one.
     */
    record SwarmMemberJoined(String caseNumber, UUID swarmId, String memberName) implements Notice {

        public String template() {
            return "swarm-member-joined";
        }

        @Override
        public Urgency urgency() {
            return Urgency.LOW;
        }

        public String subject() {
            return memberName + " joined the swarm on " + caseNumber;
        }

        public String text() {
            return "Hello,\n\n" + memberName + " joined your swarm on case " + caseNumber + " (swarm " + swarmId
                    + ").\n\nCaseswarm";
        }
    }

    /**
     * What an automation rule of case-service asked to tell people about a case (an SLA at risk, say), in
     * the rule's words.
     */
    record CaseNotice(String caseNumber, String noticeSubject, String body) implements Notice {

        public String template() {
            return "case-notice";
        }

        public String subject() {
            return noticeSubject + " [" + caseNumber + "]";
        }

        public String text() {
            return body + "\n\nCaseswarm";
        }
    }

    /**
     * To a pod lead, once a day: the open backlog swarms they lead, with where each stands, so that swarms
     * with no timeout are not forgotten. Times are shown in the lead's zone.
     */
    record BacklogDigest(LocalDate day, ZoneId zone, Instant now, List<BacklogSwarm> swarms) implements Notice {

        private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

        public BacklogDigest {
            swarms = List.copyOf(swarms);
        }

        public String template() {
            return "backlog-digest";
        }

        public String subject() {
            return "Your backlog swarms on " + day + ": " + swarms.size() + " open";
        }

        public String text() {
            StringBuilder text = new StringBuilder("Hello,\n\nthe backlog swarms you lead that are still open:\n\n");
            swarms.forEach(swarm -> text.append(swarm.describe(zone, now)).append('\n'));
            return text.append("Open a swarm in Caseswarm to add people, ask for more or close it.\n\nCaseswarm")
                    .toString();
        }

        /** One swarm as the digest lists it; people by name where the directory knows them. */
        public record BacklogSwarm(String caseNumber, UUID swarmId, String question, Instant requestedAt,
                List<String> joined, List<String> invited, List<String> declined, boolean unstaffed,
                Instant lastActivityAt) {

            public BacklogSwarm {
                joined = List.copyOf(joined);
                invited = List.copyOf(invited);
                declined = List.copyOf(declined);
            }

            String describe(ZoneId zone, Instant now) {
                return "- " + caseNumber + " (swarm " + swarmId + ")"
                        + (requestedAt == null ? "" : ", open for " + age(Duration.between(requestedAt, now))) + "\n"
                        + "    Question: " + (question == null ? "(see the swarm)" : question) + "\n"
                        + "    Joined: " + names(joined) + "\n"
                        + "    Invited, no answer yet: " + names(invited) + "\n"
                        + "    Declined: " + names(declined) + "\n"
                        + "    Staffing: " + staffing() + "\n"
                        + "    Last activity: " + (lastActivityAt == null ? "unknown"
                                : LOCAL_TIME.format(lastActivityAt.atZone(zone)) + " " + zone.getId()) + "\n";
            }

            private String staffing() {
                if (unstaffed) {
                    return "UNSTAFFED, nobody left to invite";
                }
                return joined.isEmpty() ? "nobody has joined yet" : joined.size() + " joined";
            }

            private static String names(List<String> people) {
                return people.isEmpty() ? "nobody" : String.join(", ", people);
            }

            private static String age(Duration age) {
                long days = age.toDays();
                if (days >= 1) {
                    return days + (days == 1 ? " day" : " days");
                }
                long hours = Math.max(0, age.toHours());
                return hours + (hours == 1 ? " hour" : " hours");
            }
        }
    }
}
