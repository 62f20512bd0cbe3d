-- Network layers of operators, their immutable versions (indexed FlatGeobuf files on disk), the
-- operators' coverage areas and settings. Geometry is GeoJSON in EPSG:25832 plus bbox columns for
-- pre-filtering; no PostGIS.

create table operator_settings (
	org_id uuid primary key references organisations (id),
	-- { planauskunft: {name, phone, email}, einweisung: {name, phone, email}, stoerung: {phone} }
	contacts jsonb not null default '{}',
	schutzanweisung_text text,
	schutzanweisung_pdf bytea,
	schutzanweisung_pdf_name text,
	validity_days integer not null default 28 check (validity_days between 14 and 366),
	answer_mode text not null default 'automatic' check (answer_mode in ('automatic', 'manual')),
	-- only operators who declare their data complete incl. Hausanschlüsse give automatic negatives
	data_complete boolean not null default false,
	einweisung_erforderlich boolean not null default false,
	zustimmung_erforderlich boolean not null default false,
	planung_pdf_only boolean not null default false,
	updated_at timestamptz not null default now()
);

create table coverage_areas (
	org_id uuid primary key references organisations (id),
	-- MultiPolygon, EPSG:25832
	geometry jsonb not null,
	source text not null check (source in ('upload', 'drawn', 'derived')),
	min_x double precision not null,
	min_y double precision not null,
	max_x double precision not null,
	max_y double precision not null,
	updated_at timestamptz not null default now()
);
create index coverage_areas_bbox_idx on coverage_areas (min_x, max_x, min_y, max_y);

create table layers (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organisations (id),
	name text not null,
	network text not null,
	-- a larger request buffer than the work-class distance (e.g. Gas-Hochdruck 50 m)
	request_buffer_m double precision check (request_buffer_m is null or request_buffer_m between 0 and 500),
	-- attribute mapping, reused on the next upload
	mapping jsonb not null default '{"fields": {}, "constants": {}, "valueMaps": {}}',
	active_version_id uuid,
	created_at timestamptz not null default now()
);
create index layers_org_idx on layers (org_id);
create unique index layers_org_name_key on layers (org_id, lower(name));

create table layer_versions (
	id uuid primary key default gen_random_uuid(),
	layer_id uuid not null references layers (id),
	version_no integer not null,
	sha256 text not null,
	file_name text not null,
	source_format text not null,
	source_crs integer not null,
	feature_count integer not null,
	min_x double precision not null,
	min_y double precision not null,
	max_x double precision not null,
	max_y double precision not null,
	-- convex hull of the features (EPSG:25832 Polygon), for derived coverage areas
	hull jsonb,
	report jsonb not null,
	uploaded_by uuid references users (id),
	created_at timestamptz not null default now(),
	unique (layer_id, version_no),
	unique (layer_id, sha256)
);
create index layer_versions_bbox_idx on layer_versions (min_x, max_x, min_y, max_y);

alter table layers add constraint layers_active_version_fkey foreign key (active_version_id) references layer_versions (id);
