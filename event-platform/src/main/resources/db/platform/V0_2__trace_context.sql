-- The W3C trace context of the request (or consumed event) that caused each event, so the relay can
-- carry it on to Kafka and the trace goes on in every consumer.
alter table events add column trace_parent text;
