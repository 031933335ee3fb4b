package io.caseswarm.cases.projection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.CaseEvent.CaseAssigned;
import io.caseswarm.cases.domain.CaseEvent.CaseClosed;
import io.caseswarm.cases.domain.CaseEvent.CaseGroupChanged;
import io.caseswarm.cases.domain.CaseEvent.CaseLinked;
import io.caseswarm.cases.domain.CaseEvent.CaseMerged;
import io.caseswarm.cases.domain.CaseEvent.CaseMessageAdded;
import io.caseswarm.cases.domain.CaseEvent.CaseOpened;
import io.caseswarm.cases.domain.CaseEvent.CaseReopened;
import io.caseswarm.cases.domain.CaseEvent.CaseResolved;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaApplied;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaBreached;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaMet;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaWarning;
import io.caseswarm.cases.domain.CaseEvent.CaseStatusChanged;
import io.caseswarm.cases.domain.CaseEvent.CaseUpdated;
import io.caseswarm.cases.domain.CaseFields;
import io.caseswarm.cases.domain.CaseRelation;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.service.CaseCommands;
import io.caseswarm.cases.service.CaseSla;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/** Keeps {@link CaseView} and {@link CaseMessage} in step with the case events, in the transaction that appends them. */
@ApplicationScoped
public class CaseViewProjector {

    private static final int REBUILD_PAGE = 500;
    private static final int REBUILD_TIMEOUT_SECONDS = 3600;

    private final EventStore store;

    CaseViewProjector(EventStore store) {
        this.store = store;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void project(List<StoredEvent> events) {
        OpenedViews newViews = new OpenedViews();
        for (StoredEvent event : events) {
            CaseEvent decoded = store.decode(event, CaseCommands.TYPES);
            apply(decoded, event.version(), event.occurredAt(), newViews);
            keepSla(decoded, newViews);
        }
        newViews.persist();
    }

    /**
     * The views of cases opened by the events being projected, held back until the last of them is applied and
     * then persisted: a case is opened and given its SLA clocks in one command, and a view persisted at once
     * would be inserted as it was opened and then updated for its clocks.
     */
    private static final class OpenedViews {

        private final Map<UUID, CaseView> views = new LinkedHashMap<>();

        void add(CaseView view) {
            views.put(view.id, view);
        }

        CaseView find(UUID caseId) {
            CaseView view = views.get(caseId);
            return view != null ? view : CaseView.findById(caseId);
        }

        void persist() {
            views.values().forEach(view -> view.persist());
        }
    }

    /**
     * Throws the views away and replays every case event: after a bug fix in a projection, for example. One
     * transaction, so readers see the old views until the new ones are complete; commands that change a case
     * meanwhile wait for it. A million events take minutes, hence the long timeout.
     */
    @Transactional
    @TransactionConfiguration(timeout = REBUILD_TIMEOUT_SECONDS)
    public long rebuild() {
        CaseMessage.deleteAll();
        CaseApproval.deleteAll();
        CaseView.deleteAll();
        // Each page's new views go to the database in a few round trips rather than one statement at a time.
        CaseView.getEntityManager().unwrap(Session.class).setJdbcBatchSize(REBUILD_PAGE);
        long after = 0;
        long replayed = 0;
        List<StoredEvent> page;
        while (!(page = store.readAll(after, REBUILD_PAGE)).isEmpty()) {
            project(page.stream().filter(event -> CaseCommands.STREAM_TYPE.equals(event.streamType())).toList());
            CaseView.flush();
            // Written rows need not stay in memory: a page's cases are read again if a later page changes them.
            CaseView.getEntityManager().clear();
            after = page.getLast().position();
            replayed += page.size();
        }
        return replayed;
    }

    private static CaseView update(UUID caseId, long version, Instant at, OpenedViews newViews) {
        CaseView view = newViews.find(caseId);
        view.version = version;
        view.updatedAt = at;
        return view;
    }

    /** Moves the case's SLA clock as the commands did when they decided on the same events. */
    private static void keepSla(CaseEvent event, OpenedViews newViews) {
        CaseView view = newViews.find(event.caseId());
        if (event instanceof CaseSlaApplied applied) {
            view.keep(CaseSla.start(applied));
        } else {
            view.sla().ifPresent(sla -> {
                sla.follow(event);
                view.keep(sla);
            });
        }
    }

    private void apply(CaseEvent event, long version, Instant at, OpenedViews newViews) {
        switch (event) {
            case CaseSlaApplied applied -> update(applied.caseId(), version, at, newViews);
            case CaseSlaWarning warning -> update(warning.caseId(), version, at, newViews);
            case CaseSlaBreached breached -> update(breached.caseId(), version, at, newViews);
            case CaseSlaMet met -> update(met.caseId(), version, at, newViews);
            case CaseOpened opened -> {
                CaseView view = new CaseView();
                view.id = opened.caseId();
                view.number = opened.number();
                view.subject = opened.subject();
                view.description = opened.description();
                view.customerId = opened.customer().id();
                view.customerName = opened.customer().name();
                view.customerEmail = opened.customer().email();
                view.channel = opened.channel();
                view.show(CaseFields.of(opened));
                view.publicText = SearchText.append("", opened.subject() + " " + opened.description());
                view.staffText = "";
                view.links = List.of();
                view.status = CaseStatus.NEW;
                view.openedAt = opened.openedAt();
                view.updatedAt = at;
                view.version = version;
                newViews.add(view);
            }
            case CaseAssigned assigned -> {
                CaseView view = update(assigned.caseId(), version, at, newViews);
                view.ownerId = assigned.ownerId();
                if (view.status == CaseStatus.NEW) {
                    view.status = CaseStatus.OPEN;
                }
            }
            case CaseStatusChanged changed -> update(changed.caseId(), version, at, newViews).status = changed.to();
            case CaseResolved resolved -> {
                CaseView view = update(resolved.caseId(), version, at, newViews);
                view.status = CaseStatus.RESOLVED;
                view.resolutionSummary = resolved.resolution().summary();
                view.helpedBy = resolved.resolution().helpedBy();
                view.resolvedAt = resolved.resolvedAt();
            }
            case CaseReopened reopened -> {
                CaseView view = update(reopened.caseId(), version, at, newViews);
                view.status = CaseStatus.OPEN;
                view.reopenedAt = reopened.reopenedAt();
            }
            case CaseClosed closed -> {
                CaseView view = update(closed.caseId(), version, at, newViews);
                view.status = CaseStatus.CLOSED;
                view.closedAt = closed.closedAt();
            }
            case CaseGroupChanged moved -> update(moved.caseId(), version, at, newViews).groupId = moved.to();
            case CaseLinked linked -> update(linked.caseId(), version, at, newViews)
                    .link(new LinkedCase(linked.relation(), linked.linkedCaseId(), linked.linkedNumber()));
            case CaseMerged merged -> {
                CaseView view = update(merged.caseId(), version, at, newViews);
                view.status = CaseStatus.CLOSED;
                view.closedAt = merged.mergedAt();
                view.mergedIntoId = merged.into();
                view.mergedIntoNumber = merged.intoNumber();
                view.link(new LinkedCase(CaseRelation.DUPLICATE_OF, merged.into(), merged.intoNumber()));
            }
            case CaseUpdated updated -> {
                CaseView view = update(updated.caseId(), version, at, newViews);
                view.show(view.fields().with(updated.changes()));
            }
            case CaseMessageAdded added -> {
                CaseView view = update(added.caseId(), version, at, newViews);
                if (added.visibility() == Visibility.PUBLIC) {
                    view.publicText = SearchText.append(view.publicText, added.body());
                } else {
                    view.staffText = SearchText.append(view.staffText, added.body());
                }
                CaseMessage message = new CaseMessage();
                message.messageId = added.messageId();
                message.caseId = added.caseId();
                message.caseNumber = added.number();
                message.seq = version;
                message.authorId = added.authorId();
                message.authorRole = added.authorRole();
                message.visibility = added.visibility();
                message.body = added.body();
                message.attachments = added.attachments();
                message.addedAt = added.addedAt();
                message.persist();
            }
            case CaseEvent.CaseSwarmActionRefused refused -> update(refused.caseId(), version, at, newViews);
            case CaseEvent.AutomationEvent automation -> {
                update(automation.caseId(), version, at, newViews);
                CaseApproval.project(automation);
            }
        }
    }
}
