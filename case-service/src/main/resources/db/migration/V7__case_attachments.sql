-- The bytes of the files on cases (attachment.PostgresAttachmentStore). Events and the case_message view
-- carry only their description (name, size, type, digest). The bytes are written in the transaction that
-- appends their case-message-added event, so a refused message leaves none behind.
create table case_attachment (
    attachment_id uuid        primary key,
    content       bytea       not null,
    stored_at     timestamptz not null default now()
);

-- Out of line and uncompressed: most uploads are compressed already (PDF, images, zip containers), and
-- downloads read a file in slices, which PostgreSQL then reads without decompressing the whole value.
alter table case_attachment alter column content set storage external;
