-- Rules every desk starts with for SLAs, on, like V15's: an admin switches each off or changes it.
-- The owner and the leads of the case's group hear of a first response at risk; a high-priority or urgent
-- case at risk of any milestone, with no swarm working on it, gets one with the skills of the groups that
-- cover its product.
insert into automation_rule (id, name, enabled, trigger_event, definition, version, updated_at, updated_by)
values ('first-response-at-risk', 'Tell the owner and the leads when a first response is at risk',
        true, 'case-sla-warning',
        '{"trigger": {"event": "case-sla-warning", "milestone": "first-response"},
          "actions": [{"type": "notify", "recipients": {"owner": true, "leads": true},
                       "subject": "{{case.number}}: first response at risk",
                       "text": "{{case.number}} ({{case.subject}}) has had no first response yet and is close to breaching its SLA."}]}',
        1, now(), 'caseswarm'),
       ('swarm-high-priority-at-risk', 'Swarm high-priority and urgent cases whose SLA is at risk',
        true, 'case-sla-warning',
        '{"trigger": {"event": "case-sla-warning"},
          "conditions": [{"field": "priority", "op": "in", "value": ["high", "urgent"]},
                         {"field": "hasActiveSwarm", "op": "equals", "value": false}],
          "actions": [{"type": "request-swarm", "teamSize": 3,
                       "question": "{{case.number}} ({{case.subject}}) is close to breaching its SLA: who can help?"}]}',
        1, now(), 'caseswarm');
