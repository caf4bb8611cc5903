-- Snippets: parse the original accented text but match through unaccent, so highlighted words keep their diacritics.
CREATE TEXT SEARCH CONFIGURATION public.vn_unaccent (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.vn_unaccent ALTER MAPPING FOR word, hword, hword_part, numword, numhword WITH public.unaccent, simple;
