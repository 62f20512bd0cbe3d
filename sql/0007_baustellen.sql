-- The coordinated construction calendar (issue #5): road authorities' jurisdictions and road segments with
-- another Straßenbaulastträger, Baustellen with their authorities and permit tracks, stored conflicts,
-- moratoria (Aufbruchsperren), the authorities' settings, in-app notifications and outgoing webhooks.
-- Geometries: GeoJSON in EPSG:25832 (metres) and 4326 (as shown), plus a core `box` (EPSG:25832) with a
-- GiST index for the space pre-filter — no PostGIS.

-- where a kommune org is the road and traffic authority (MultiPolygon, EPSG:25832)
create table jurisdictions (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organisations (id),
	name text not null,
	area jsonb not null,
	bbox box not null,
	created_at timestamptz not null default now()
);
create index jurisdictions_bbox_idx on jurisdictions using gist (bbox);

-- a street segment whose Straßenbaulastträger is not the municipality of the area
-- (e.g. a Landesstraße outside the Ortsdurchfahrt belongs to the Land)
create table road_segments (
	id uuid primary key default gen_random_uuid(),
	authority_org_id uuid not null references organisations (id),
	road_class text not null check (road_class in ('bundesstrasse', 'landesstrasse', 'kreisstrasse', 'gemeindestrasse')),
	reference text not null default '',
	street text not null default '',
	-- LineString / MultiLineString, EPSG:25832; a footprint within `reach_m` of it touches the segment
	geometry jsonb not null,
	reach_m double precision not null default 15 check (reach_m >= 0),
	bbox box not null,
	created_at timestamptz not null default now()
);
create index road_segments_bbox_idx on road_segments using gist (bbox);

create sequence baustelle_number_seq;

create table baustellen (
	id uuid primary key default gen_random_uuid(),
	number text not null unique,
	-- the organisation that registered and manages the Baustelle
	org_id uuid not null references organisations (id),
	created_by uuid not null references users (id),
	-- a private Bauherr: the public sees "privat", never a name
	promoter_private boolean not null default false,
	title text not null,
	description text not null default '',
	-- { name, phone, email, bauherr } — personal data, never in a public feed
	contact jsonb not null default '{}',
	networks text[] not null default '{}',
	work_kind text not null,
	excavation boolean not null,
	publicly_funded boolean not null default false,
	-- why a moratorium may not apply: keine, dringende_reparatur, hausanschluss, stoerungsbeseitigung
	exemption text not null default 'keine',
	footprint_4326 jsonb not null,
	footprint_25832 jsonb not null,
	axis_4326 jsonb not null,
	axis_25832 jsonb not null,
	axis_derived boolean not null default true,
	bbox box not null,
	area_m2 double precision not null,
	streets text[] not null default '{}',
	planned_start date not null,
	planned_end date not null,
	dates_confirmed boolean not null default false,
	actual_start date,
	actual_end date,
	traffic text not null check (traffic in ('vollsperrung', 'halbseitig', 'gehweg', 'keine')),
	public boolean not null default true,
	auskunft_id uuid references auskuenfte (id),
	-- ducts to be laid, for co-laying: [{ kind, count, diameterMm, note }]
	ducts jsonb not null default '[]',
	status text not null check (status in ('geplant', 'beantragt', 'genehmigt', 'in_ausfuehrung', 'abgeschlossen', 'abgenommen', 'storniert')),
	-- bumped on every change the public can see (iCalendar SEQUENCE)
	revision integer not null default 0,
	created_at timestamptz not null,
	updated_at timestamptz not null,
	check (planned_end >= planned_start)
);
create index baustellen_bbox_idx on baustellen using gist (bbox);
create index baustellen_org_idx on baustellen (org_id, created_at desc);
create index baustellen_time_idx on baustellen (planned_start, planned_end);

-- who decides: the kommune of the area (coordination, traffic) and/or another Straßenbaulastträger
create table baustelle_authorities (
	baustelle_id uuid not null references baustellen (id),
	authority_org_id uuid not null references organisations (id),
	-- gebiet = jurisdiction polygon met; strassenbaulast = a road segment of another Straßenbaulastträger met
	reason text not null check (reason in ('gebiet', 'strassenbaulast')),
	primary key (baustelle_id, authority_org_id)
);
create index baustelle_authorities_org_idx on baustelle_authorities (authority_org_id);

create table permits (
	id uuid primary key default gen_random_uuid(),
	baustelle_id uuid not null references baustellen (id),
	kind text not null check (kind in ('aufgrabeerlaubnis', 'verkehrsrechtliche_anordnung', 'tkg_zustimmung', 'sondernutzung')),
	authority_org_id uuid not null references organisations (id),
	status text not null check (status in ('offen', 'eingereicht', 'vollstaendig', 'nachforderung', 'erteilt', 'erteilt_mit_auflagen', 'abgelehnt', 'fiktiv_erteilt')),
	submitted_at date,
	complete_at date,
	due_at date,
	extended boolean not null default false,
	conditions text not null default '',
	-- refusal reason or requested changes
	reason text not null default '',
	decided_at timestamptz,
	decided_by uuid references users (id),
	created_at timestamptz not null,
	updated_at timestamptz not null,
	unique (baustelle_id, kind, authority_org_id)
);
create index permits_authority_idx on permits (authority_org_id, status);
create index permits_due_idx on permits (due_at) where status in ('eingereicht', 'vollstaendig');

create table moratoria (
	id uuid primary key default gen_random_uuid(),
	authority_org_id uuid not null references organisations (id),
	title text not null,
	street text not null default '',
	area_4326 jsonb not null,
	area_25832 jsonb not null,
	bbox box not null,
	valid_from date not null,
	valid_until date not null,
	legal_basis text not null default '',
	-- warnung = conflict shown; sperre = blocks the Aufgrabeerlaubnis unless exempted
	mode text not null check (mode in ('warnung', 'sperre')),
	exemptions text[] not null default '{}',
	-- vorgeschlagen = proposed after an accepted surface, waiting for the authority
	status text not null check (status in ('vorgeschlagen', 'aktiv', 'aufgehoben')),
	source_baustelle_id uuid references baustellen (id),
	created_at timestamptz not null,
	check (valid_until >= valid_from)
);
create index moratoria_bbox_idx on moratoria using gist (bbox);

-- the results of the conflict engine for one Baustelle (recomputed on create and update; pairs are stored
-- from both sides so each promoter sees them)
create table baustelle_conflicts (
	id uuid primary key default gen_random_uuid(),
	baustelle_id uuid not null references baustellen (id),
	kind text not null check (kind in ('ueberschneidung', 'moratorium', 'frost', 'mitverlegung')),
	other_baustelle_id uuid references baustellen (id),
	moratorium_id uuid references moratoria (id),
	severity text not null check (severity in ('hoch', 'mittel', 'niedrig', 'hinweis')),
	blocking boolean not null default false,
	message text not null,
	details jsonb not null default '{}',
	computed_at timestamptz not null
);
create index baustelle_conflicts_idx on baustelle_conflicts (baustelle_id);
create index baustelle_conflicts_other_idx on baustelle_conflicts (other_baustelle_id);

-- per road authority: conflict distance, frost months, moratorium proposal, permit periods
create table authority_settings (
	org_id uuid primary key references organisations (id),
	conflict_distance_m double precision not null default 50 check (conflict_distance_m between 0 and 1000),
	frost_months integer[] not null default '{12,1,2}',
	moratorium_years integer not null default 5 check (moratorium_years between 3 and 5),
	colaying_months integer not null default 6 check (colaying_months between 1 and 24),
	-- { kind: { unit: 'arbeitstage' | 'monate', value } }, missing kinds use the platform defaults
	permit_periods jsonb not null default '{}',
	updated_at timestamptz not null default now()
);

create table notifications (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organisations (id),
	kind text not null,
	title text not null,
	body text not null default '',
	link text,
	subject_id uuid,
	created_at timestamptz not null,
	read_at timestamptz
);
create index notifications_org_idx on notifications (org_id, created_at desc);

create table webhooks (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organisations (id),
	url text not null,
	secret text not null,
	-- event kinds; empty = all
	events text[] not null default '{}',
	active boolean not null default true,
	created_at timestamptz not null
);
create index webhooks_org_idx on webhooks (org_id);

create table webhook_deliveries (
	id uuid primary key default gen_random_uuid(),
	webhook_id uuid not null references webhooks (id) on delete cascade,
	event text not null,
	payload jsonb not null,
	status text not null check (status in ('ausstehend', 'zugestellt', 'fehlgeschlagen')),
	attempts integer not null default 0,
	next_attempt_at timestamptz,
	last_status integer,
	last_error text,
	created_at timestamptz not null,
	delivered_at timestamptz
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'ausstehend';
create index webhook_deliveries_hook_idx on webhook_deliveries (webhook_id, created_at desc);
