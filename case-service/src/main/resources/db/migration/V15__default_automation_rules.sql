-- Rules every desk starts with, on: an admin switches each off (PUT with "enabled": false) or changes it.
-- A resolved case the customer has not come back to within 7 days is closed (still resolved then).
insert into automation_rule (id, name, enabled, trigger_event, definition, version, updated_at, updated_by)
values ('close-resolved-after-7-days', 'Close cases resolved for 7 days', true, 'case-resolved',
        '{"trigger": {"event": "case-resolved", "after": "P7D", "time": "calendar"},
          "conditions": [{"field": "status", "op": "equals", "value": "resolved"}],
          "actions": [{"type": "set-status", "status": "closed",
                       "reason": "resolved for 7 days without the customer coming back"}]}',
        1, now(), 'caseswarm');
