-- Accent-insensitive Vietnamese search: unaccent + pg_trgm, both shipped by PGlite and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- vn_fold(): NFC-normalised input → strip diacritics, đ/Đ → d, lower case. Declared IMMUTABLE (with the
-- dictionary named explicitly) so that it can back generated columns and indexes.
CREATE OR REPLACE FUNCTION vn_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate(input, 'đĐ', 'dD'))) $$;
