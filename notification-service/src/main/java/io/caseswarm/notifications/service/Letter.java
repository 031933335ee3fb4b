package io.caseswarm.notifications.service;

import java.util.UUID;

import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.domain.Urgency;

/**
 * A notice as written, ready to go on any channel: what a held notice keeps until it is sent, so that
 * what goes out later is what would have gone out then.
 *
 * @param caseId the case whose customer's mail thread it continues; null for any other notice
 */
public record Letter(String template, String subject, String text, UUID caseId, boolean autoReply, Urgency urgency) {

    public static Letter of(Notice notice) {
        UUID caseId = notice instanceof Notice.AboutCase about ? about.caseId() : null;
        return new Letter(notice.template(), notice.subject(), notice.text(), caseId, notice.isAutoReply(),
                notice.urgency());
    }

    /** As a Slack message: the subject in bold above the text (Slack's mrkdwn). */
    public String asSlackText() {
        return "*" + subject + "*\n" + text;
    }
}
