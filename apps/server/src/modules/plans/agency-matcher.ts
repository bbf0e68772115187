import type { Executor } from '@atmis/db';
import type { AgencyMatch } from '@atmis/domain';
import { foldVietnamese } from '@atmis/domain';
import { agenciesInForceUnder, mostSimilarAgencyOfUnit } from './agency-matcher.repository.ts';

/** Below this trigram similarity a name stays unmatched: the reviewer maps it, nothing is guessed. */
export const SIMILARITY_THRESHOLD = 0.55;

/** Collective addressees ("các sở, ngành", "UBND các huyện") name no single agency. */
const COLLECTIVE = /(^|[\s,])(cac|nhung|moi)\s/;
/** "UBND huyện, thành phố", "quận, huyện": several levels of locality at once, also collective. */
const LEVEL = '(huyen|quan|xa|phuong|thi xa|thi tran|thanh pho|tinh)';
const LEVEL_LIST = new RegExp(`\\b${LEVEL}\\s*(,|va|\\/)\\s*${LEVEL}\\b`);

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bubmttq\b/g, 'uy ban mat tran to quoc'],
  [/\bvksnd\b/g, 'vien kiem sat nhan dan'],
  [/\btand\b/g, 'toa an nhan dan'],
  [/\bbdbp\b/g, 'bo doi bien phong'],
  [/\bhlhpn\b/g, 'hoi lien hiep phu nu'],
  [/\bbchqs\b/g, 'bo chi huy quan su'],
];

/**
 * The distinctive part of an agency name: folded, abbreviations spelled out, and the locality
 * dropped ("Sở Y tế thành phố Hải Phòng", "Sở Y tế tỉnh", "Sở Y tế" → "so y te"), so that a plan
 * written for "tỉnh" matches the registry's "thành phố …" and the reverse.
 */
export function coreAgencyKey(name: string, localityNames: readonly string[]): string {
  let key = foldVietnamese(name)
    .replace(/[.,;:()"“”'‘’]/g, ' ')
    .replace(/\s*-\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, replacement] of ABBREVIATIONS) key = key.replace(pattern, replacement);
  for (const locality of localityNames) {
    const folded = foldVietnamese(locality);
    if (folded && key.endsWith(` ${folded}`)) key = key.slice(0, -folded.length - 1);
  }
  key = key.replace(/\s+(tinh|thanh pho|tp|quan|huyen|xa|phuong)$/, '').replace(/ viet nam\b/, '');
  return key.trim();
}

interface Candidate {
  id: string;
  name: string;
  shortName: string | null;
  core: string;
}

/** Agencies in force in a unit and its subordinate units: the registry a plan of that unit addresses. */
async function candidatesOf(executor: Executor, orgUnitId: string): Promise<{ candidates: Candidate[]; localities: string[] }> {
  const { unit, agencies } = await agenciesInForceUnder(executor, orgUnitId);
  const localities = unit ? [unit.fullName, unit.name, `thành phố ${unit.name}`, `tỉnh ${unit.name}`] : [];
  return { candidates: agencies.map((row) => ({ ...row, core: coreAgencyKey(row.name, localities) })), localities };
}

/**
 * Matches agency names as written in a plan to the registry of the plan's unit: an exact
 * (accent-, case- and locality-insensitive) match first, else the most similar name by pg_trgm
 * above the threshold, else unmatched for the reviewer to map.
 */
export async function matchAgencyNames(executor: Executor, names: readonly string[], orgUnitId: string): Promise<AgencyMatch[]> {
  const { candidates, localities } = await candidatesOf(executor, orgUnitId);
  const matches: AgencyMatch[] = [];
  for (const name of names) {
    const folded = foldVietnamese(name).trim();
    const core = coreAgencyKey(name, localities);
    if (!core || COLLECTIVE.test(folded) || LEVEL_LIST.test(folded)) {
      matches.push({ name, agencyId: null, agencyName: null, score: 0, source: 'none' });
      continue;
    }
    const exact = candidates.filter(
      (c) => c.core === core || foldVietnamese(c.name) === folded || (c.shortName && foldVietnamese(c.shortName) === folded),
    );
    if (exact.length === 1) {
      matches.push({ name, agencyId: exact[0]!.id, agencyName: exact[0]!.name, score: 1, source: 'exact' });
      continue;
    }
    // "Viện Kiểm sát" for "Viện kiểm sát nhân dân …": a name that begins exactly one registry name.
    const prefixed = core.includes(' ') ? candidates.filter((c) => c.core.startsWith(`${core} `)) : [];
    if (prefixed.length === 1) {
      matches.push({ name, agencyId: prefixed[0]!.id, agencyName: prefixed[0]!.name, score: 0.9, source: 'similar' });
      continue;
    }
    // Similar names only among the unit's own agencies: subordinate units' bodies are named exactly.
    const best = await mostSimilarAgencyOfUnit(executor, orgUnitId, folded, core);
    // "Văn phòng UBND tỉnh" contains "UBND tỉnh" but is another body: a longer name around a
    // registry name is a part of it, not the same agency.
    const bestCore = candidates.find((c) => c.id === best?.id)?.core ?? '';
    const isPartOf = bestCore !== '' && core !== bestCore && core.includes(bestCore);
    if (best && Number(best.score) >= SIMILARITY_THRESHOLD && !isPartOf) {
      matches.push({
        name,
        agencyId: best.id,
        agencyName: best.name,
        score: Math.round(Number(best.score) * 1000) / 1000,
        source: 'similar',
      });
    } else {
      matches.push({
        name,
        agencyId: null,
        agencyName: null,
        score: best ? Math.round(Number(best.score) * 1000) / 1000 : 0,
        source: 'none',
      });
    }
  }
  return matches;
}
