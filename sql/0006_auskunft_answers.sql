-- The answers after the first document: manual operators' answers with deadlines, their own documents,
-- renewals (a new validity of the same number), and field feedback from the site.

-- which validity the current operator results belong to (1 = as first issued, 2 = first renewal, …)
alter table auskuenfte add column validity_no integer not null default 1;
alter table auskuenfte add column renewed_at timestamptz;

-- when an unanswered request turns keine_antwort (end of the second working day, Sachsen-Anhalt)
alter table auskunft_operators add column escalates_at timestamptz;
-- false when the operator answered with its own documents and withheld the computed plan
alter table auskunft_operators add column plan_released boolean not null default true;
alter table auskunft_operators add column answered_by uuid references users (id);
create index auskunft_operators_due_idx on auskunft_operators (escalates_at) where status = 'ausstehend';

-- why a document version was issued: created, answer, keine_antwort, renewal
alter table auskunft_documents add column reason text;

-- the results of a validity that a renewal replaced, kept for the audit trail (its PDFs stay too)
create table auskunft_validities (
	auskunft_id uuid not null references auskuenfte (id),
	validity_no integer not null,
	started_at timestamptz not null,
	ended_at timestamptz not null,
	valid_until date not null,
	-- [{ operatorOrgId, status, validUntil, featureCount, lengthM, networks, planReleased, answeredAt, features }]
	operators jsonb not null,
	-- [{ layerId, versionId, sha256, bufferM }]
	layers jsonb not null,
	primary key (auskunft_id, validity_no)
);

-- an operator's own documents attached to its answer (PDF bytes, immutable)
create table auskunft_attachments (
	id uuid primary key default gen_random_uuid(),
	auskunft_id uuid not null references auskuenfte (id),
	operator_org_id uuid not null references organisations (id),
	user_id uuid references users (id),
	name text not null,
	size integer not null,
	sha256 text not null,
	pdf bytea not null,
	created_at timestamptz not null
);
create index auskunft_attachments_auskunft_idx on auskunft_attachments (auskunft_id, created_at);

-- deviations found on site, reported by the requester to one operator of the Auskunft
create table auskunft_feedback (
	id uuid primary key default gen_random_uuid(),
	auskunft_id uuid not null references auskuenfte (id),
	operator_org_id uuid not null references organisations (id),
	org_id uuid not null references organisations (id),
	user_id uuid not null references users (id),
	kind text not null check (kind in ('nicht_vorgefunden', 'unbekannte_leitung', 'lageabweichung')),
	deviation_m double precision check (deviation_m is null or deviation_m > 0),
	comment text not null default '',
	photo bytea,
	photo_type text,
	photo_name text,
	created_at timestamptz not null,
	check (kind <> 'lageabweichung' or deviation_m is not null)
);
create index auskunft_feedback_operator_idx on auskunft_feedback (operator_org_id, created_at desc);
create index auskunft_feedback_auskunft_idx on auskunft_feedback (auskunft_id, created_at);
