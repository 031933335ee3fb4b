-- The support mailbox a case came in through, when it came in by mail: our mails about the case name it
-- as their Reply-To, so the customer's answers reach the desk that has the case.
alter table case_info add column reply_to text;

-- Every mail of a case's thread in order: the customer's (by their Message-ID) and ours about the case.
-- Our next mail answers the latest and lists the thread in References, so mail clients show one thread.
create table case_mail_thread (
    case_id    uuid not null references case_info (case_id),
    position   int  not null,
    message_id text not null,
    primary key (case_id, position),
    unique (case_id, message_id)
);
