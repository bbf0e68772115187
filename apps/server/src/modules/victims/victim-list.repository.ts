import { victimFiles, victimPersons } from '@atmis/db';
import type { Actor, IdentificationStatus } from '@atmis/domain';
import { and, sql, type SQL } from 'drizzle-orm';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { INDEX, invalid } from './victim-access.ts';
import { nameTokens } from './victim-person-codec.ts';
import { fileReach } from './victims.repository.ts';
import { withinUnit } from '../../platform/access/scope-sql.ts';

/** The filter of the file list, shared by the list and both exports (`victimExportQuerySchema`). */
export interface VictimFileFilter {
  q?: string | undefined;
  citizenId?: string | undefined;
  status?: IdentificationStatus | undefined;
  orgUnitId?: string | undefined;
  fileStatus?: 'open' | 'closed' | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
}

/**
 * The WHERE clause of the file list: the files the actor reaches (`fileReach`, the one scope
 * builder of the module) narrowed by the filter. The list, the de-identified export and the
 * identified export all start from it, so none of them can reach a file the others cannot.
 */
export function victimFileCondition(cipher: FieldCipher, actor: Actor, filter: VictimFileFilter): SQL {
  if (filter.receivedFrom && filter.receivedTo && filter.receivedTo < filter.receivedFrom) {
    throw invalid({ receivedTo: 'Ngày "đến" không được trước ngày "từ".' });
  }
  const conditions: SQL[] = [fileReach(actor)];
  const personMatch = (condition: SQL) =>
    sql`exists (select 1 from ${victimPersons} where ${victimPersons.fileId} = ${victimFiles.id} and ${condition})`;
  const citizenIdMatch = (compact: string) => sql`${victimPersons.citizenIdHmac} = ${cipher.blindIndex(compact, INDEX.citizenId)}`;
  if (filter.q) {
    const compact = filter.q.replace(/[\s.-]/g, '');
    if (/^\d{9}$|^\d{12}$/.test(compact)) conditions.push(personMatch(citizenIdMatch(compact)));
    else {
      const tokens = nameTokens(cipher, [filter.q]);
      if (tokens.length) {
        conditions.push(
          personMatch(
            sql`${victimPersons.nameTokens} @> array[${sql.join(
              tokens.map((token) => sql`${token}`),
              sql`, `,
            )}]::text[]`,
          ),
        );
      }
    }
  }
  if (filter.citizenId) {
    const compact = filter.citizenId.replace(/[\s.-]/g, '');
    conditions.push(
      personMatch(
        sql`(${citizenIdMatch(compact)} or ${victimPersons.passportHmac} = ${cipher.blindIndex(compact.toUpperCase(), INDEX.passport)})`,
      ),
    );
  }
  // The identification status of the file is its primary person's (position 0).
  if (filter.status)
    conditions.push(personMatch(sql`${victimPersons.position} = 0 and ${victimPersons.identificationStatus} = ${filter.status}`));
  if (filter.orgUnitId) {
    conditions.push(withinUnit(victimFiles.orgUnitId, filter.orgUnitId));
  }
  if (filter.fileStatus) conditions.push(sql`${victimFiles.status} = ${filter.fileStatus}`);
  if (filter.receivedFrom) conditions.push(sql`${victimFiles.receivedOn} >= ${filter.receivedFrom}::date`);
  if (filter.receivedTo) conditions.push(sql`${victimFiles.receivedOn} <= ${filter.receivedTo}::date`);
  return and(...conditions)!;
}
