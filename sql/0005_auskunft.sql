-- Leitungsauskünfte: the request, one row per operator whose coverage it touched, the layer versions
-- used, the issued documents (immutable PDF bytes + sha256 per version), and the authority's list of
-- operators not on the platform (TöB list).

create sequence auskunft_number_seq;

create table auskuenfte (
	id uuid primary key default gen_random_uuid(),
	number text not null unique,
	org_id uuid not null references organisations (id),
	user_id uuid not null references users (id),
	type text not null check (type in ('bau', 'planung', 'notfall')),
	work_class text not null,
	work_distance_m double precision not null,
	period_start date not null,
	period_end date not null,
	description text not null,
	reference text,
	site jsonb not null default '{}',
	-- the drawn work area: as sent (EPSG:4326) and in EPSG:25832
	area_4326 jsonb not null,
	area_25832 jsonb not null,
	area_m2 double precision not null,
	min_x double precision not null,
	min_y double precision not null,
	max_x double precision not null,
	max_y double precision not null,
	valid_until date not null,
	-- operators in the area known from the authority's TöB list, not on the platform: [{name, networks, contact}]
	external_operators jsonb not null default '[]',
	idempotency_key text,
	created_at timestamptz not null
);
create index auskuenfte_org_idx on auskuenfte (org_id, created_at desc);
create unique index auskuenfte_idempotency_key on auskuenfte (org_id, idempotency_key) where idempotency_key is not null;

create table auskunft_operators (
	auskunft_id uuid not null references auskuenfte (id),
	operator_org_id uuid not null references organisations (id),
	status text not null check (status in ('betroffen', 'nicht_betroffen', 'ausstehend', 'keine_antwort')),
	valid_until date not null,
	feature_count integer not null,
	length_m double precision not null,
	networks text[] not null,
	einweisung_erforderlich boolean not null,
	zustimmung_erforderlich boolean not null,
	-- clipped features of this operator (FeatureCollection, EPSG:25832), released to the requester
	features jsonb not null,
	answered_at timestamptz,
	deadline_at timestamptz,
	primary key (auskunft_id, operator_org_id)
);
create index auskunft_operators_inbox_idx on auskunft_operators (operator_org_id, status);

create table auskunft_layers (
	auskunft_id uuid not null references auskuenfte (id),
	layer_id uuid not null references layers (id),
	version_id uuid not null references layer_versions (id),
	sha256 text not null,
	buffer_m double precision not null,
	primary key (auskunft_id, layer_id)
);

create table auskunft_documents (
	auskunft_id uuid not null references auskuenfte (id),
	version integer not null,
	sha256 text not null,
	pdf bytea not null,
	issued_at timestamptz not null,
	primary key (auskunft_id, version)
);
create index auskunft_documents_sha_idx on auskunft_documents (sha256);

create table toeb_entries (
	id uuid primary key default gen_random_uuid(),
	kommune_org_id uuid not null references organisations (id),
	name text not null,
	networks text[] not null,
	contact text not null,
	-- the area the entry applies to (EPSG:25832 MultiPolygon); null = the whole jurisdiction
	area jsonb,
	min_x double precision,
	min_y double precision,
	max_x double precision,
	max_y double precision,
	created_at timestamptz not null default now()
);
create index toeb_entries_kommune_idx on toeb_entries (kommune_org_id);
