-- Webhooks, completed: one row per delivery attempt (webhook_deliveries keeps only the latest outcome,
-- but a receiver's operator needs to see every try — when, how long, what it answered — to find out why
-- a delivery failed before it succeeded), and the unread count the navigation shows on every page.
create table webhook_attempts (
	delivery_id uuid not null references webhook_deliveries (id) on delete cascade,
	attempt integer not null check (attempt >= 1),
	started_at timestamptz not null,
	duration_ms integer not null,
	-- the receiver's HTTP status; null when none came (timeout, refused, TLS, DNS)
	status_code integer,
	-- German, for the delivery log; null when the receiver answered 2xx
	error text,
	primary key (delivery_id, attempt)
);

create index notifications_unread_idx on notifications (org_id) where read_at is null;
