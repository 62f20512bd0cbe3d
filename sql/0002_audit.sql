-- Append-only, hash-chained audit log. The chain holds pseudonymous ids only (user/org uuids);
-- IPs and e-mails sit in audit_personal, which is erased after its retention period without
-- touching the chain.

create table audit_log (
	seq bigint primary key,
	at timestamptz not null,
	actor_user uuid,
	actor_org uuid,
	action text not null,
	subject text,
	data jsonb not null default '{}',
	prev_hash text not null,
	hash text not null unique
);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
	raise exception 'audit_log ist nur anhängbar (%, seq %)', tg_op, old.seq;
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
	for each row execute function audit_log_append_only();

create table audit_personal (
	seq bigint primary key references audit_log (seq),
	ip text,
	email text,
	user_agent text,
	expires_at timestamptz not null
);
create index audit_personal_expiry_idx on audit_personal (expires_at);
