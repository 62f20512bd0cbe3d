-- Organisations, people, sessions, API tokens, rate-limit events.

create table organisations (
	id uuid primary key default gen_random_uuid(),
	name text not null,
	-- a Stadt is road authority (kommune) and operates street lighting (netzbetreiber)
	roles text[] not null check (
		cardinality(roles) > 0
		and roles <@ array['bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune', 'plattform']::text[]
	),
	verified_at timestamptz,
	verified_by uuid,
	created_at timestamptz not null default now()
);
create unique index organisations_name_key on organisations (lower(name));

create table users (
	id uuid primary key default gen_random_uuid(),
	email text not null,
	name text not null,
	phone text,
	password_hash text not null,
	password_changed_at timestamptz not null default now(),
	created_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

-- one organisation per person; a join request is a pending membership until the org's admin approves it
create table memberships (
	user_id uuid primary key references users (id) on delete cascade,
	org_id uuid not null references organisations (id),
	role text not null check (role in ('admin', 'member')),
	status text not null check (status in ('active', 'pending')),
	created_at timestamptz not null default now()
);
create index memberships_org_idx on memberships (org_id);

-- Lucia-style: the cookie holds "<id>.<secret>", the table only sha256(secret)
create table sessions (
	id text primary key,
	secret_hash bytea not null,
	user_id uuid not null references users (id) on delete cascade,
	created_at timestamptz not null default now(),
	last_used_at timestamptz not null default now(),
	expires_at timestamptz not null,
	user_agent text
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
	id text primary key,
	secret_hash bytea not null,
	user_id uuid not null references users (id) on delete cascade,
	label text not null,
	created_at timestamptz not null default now(),
	last_used_at timestamptz,
	revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

-- sliding-window counters shared by all app servers (login failures per IP and per account, …)
create table rate_events (
	bucket text not null,
	key text not null,
	at timestamptz not null
);
create index rate_events_lookup_idx on rate_events (bucket, key, at);
