/**
 * Plan → .docx in the official layout of Decree 30/2020/NĐ-CP, Appendix I (see
 * `platform/documents/decree30-docx.ts` for the page, fonts, header and signature block): the
 * kind 'KẾ HOẠCH' and the title, the legal basis ("Căn cứ…"), then the numbered sections, headings
 * bold (bold italic from the third level down) and body justified.
 *
 * Pure: no I/O, no database. The caller maps a stored plan into {@link PlanDocumentModel}.
 */
import { type Paragraph, type Table } from 'docx';
import {
  bodyParagraph,
  formatDocumentNumber,
  issuerHeaderTable,
  kindAndTitle,
  packDecree30Document,
  signatureFootTable,
  spacer,
} from '../../../platform/documents/decree30-docx.ts';
import { clean, linesOf, upper } from '../../../platform/documents/text.ts';
import type { PlanDocumentModel, PlanSection } from './plan-document-model.ts';

export { formatDocumentNumber, formatPlaceDate, formatRecipients } from '../../../platform/documents/decree30-docx.ts';

function sectionParagraphs(section: PlanSection, depth: number): Paragraph[] {
  const out: Paragraph[] = [];
  const headingStyle = depth <= 1 ? { bold: true } : { bold: true, italics: true };
  for (const line of linesOf(section.heading)) out.push(bodyParagraph(line, headingStyle, true));
  for (const p of section.paragraphs) for (const line of linesOf(p)) out.push(bodyParagraph(line));
  for (const sub of section.subsections ?? []) out.push(...sectionParagraphs(sub, depth + 1));
  return out;
}

export async function renderPlanDocx(model: PlanDocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    issuerHeaderTable({
      parentName: model.issuer.parentName,
      name: model.issuer.name,
      number: model.number,
      symbol: model.symbol,
      place: model.place,
      date: model.date,
    }),
    spacer(12),
    ...kindAndTitle(model.kind, linesOf(model.title)),
    spacer(12),
  ];

  for (const line of linesOf(model.preamble)) children.push(bodyParagraph(line));
  for (const section of model.sections) children.push(...sectionParagraphs(section, 1));

  children.push(
    spacer(12),
    signatureFootTable({
      recipients: model.recipients,
      signerLines: [model.signer.authority ?? '', model.signer.position ?? ''],
      signerName: model.signer.name,
    }),
  );

  return packDecree30Document({
    title: [upper(model.kind), clean(model.title)].filter(Boolean).join(' '),
    description: formatDocumentNumber(model.number, model.symbol),
    children,
  });
}
