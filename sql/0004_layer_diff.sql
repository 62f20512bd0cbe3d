-- What changed against the version that was active when this one was uploaded (by source_id).
alter table layer_versions add column diff jsonb;
alter table layer_versions add column diff_base_id uuid references layer_versions (id);
