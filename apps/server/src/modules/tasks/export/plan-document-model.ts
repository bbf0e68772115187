/**
 * Input types for the plan exports. They are deliberately independent of the database schema: the
 * plans API maps a stored plan (and its tasks) into these shapes and hands them to the pure
 * generators in `plan-docx.ts` and `task-status-xlsx.ts`.
 *
 * Every string is rendered as-is (UTF-8, Vietnamese with diacritics); multi-line values use `\n`.
 */

/** A numbered part of the plan body ("I. MỤC TIÊU, YÊU CẦU", "1. Mục tiêu", "a) Nội dung"…). */
export interface PlanSection {
  /** Heading as it should be printed, numbering included, e.g. 'I. MỤC TIÊU, YÊU CẦU'. */
  heading: string;
  /** Body paragraphs under the heading, before any subsection. A `\n` inside one starts a new paragraph. */
  paragraphs: string[];
  /** Nested parts (printed bold, then bold italic from the third level down). */
  subsections?: PlanSection[];
}

export interface PlanDocumentModel {
  issuer: {
    /** Governing body printed above the issuer (Decree 30/2020, App. I §II.2), e.g. 'UBND THÀNH PHỐ HẢI PHÒNG'; null when none. */
    parentName: string | null;
    /** Issuing body, e.g. 'BAN CHỈ ĐẠO 138' or 'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG'. Printed bold upper-case. */
    name: string;
  };
  /** Sequence number ('45'); null while the plan is a draft not yet numbered (printed as a blank). */
  number: string | null;
  /** Symbol after the slash, e.g. 'KH-UBND', 'KH-BCĐ'; null when unknown. */
  symbol: string | null;
  /** Place name for the date line, e.g. 'Hải Phòng'. */
  place: string;
  /** Issue date, ISO `YYYY-MM-DD`; null for a draft (printed as 'ngày    tháng    năm 20..'). */
  date: string | null;
  /** Document kind printed above the title, e.g. 'KẾ HOẠCH'. */
  kind: string;
  /** Summary title (trích yếu), e.g. 'Thực hiện công tác phòng, chống mua bán người năm 2024'. */
  title: string;
  /** Legal basis paragraph(s) ("Căn cứ…"), one per line; null when none. */
  preamble: string | null;
  sections: PlanSection[];
  signer: {
    /** 'TM. ỦY BAN NHÂN DÂN', 'TM. BAN CHỈ ĐẠO'; null when signing in one's own name. */
    authority: string | null;
    /** 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', 'TRƯỞNG BAN'; null when unknown. */
    position: string | null;
    /** Signer's full name; null for a draft (left blank). */
    name: string | null;
  };
  /**
   * Nơi nhận, one recipient per entry, with or without the leading '- ' and trailing ';'. A final
   * '- Lưu: VT.' line is added unless an entry already starts with 'Lưu'.
   */
  recipients: string[];
}

/** One task of a plan, as a row of the task-status spreadsheet. */
export interface TaskStatusRow {
  /** Section of the plan the task belongs to, e.g. 'II.1' or 'II. NHIỆM VỤ, GIẢI PHÁP'. */
  section: string;
  /** Task content. */
  content: string;
  /** Lead agency (chủ trì). */
  lead: string;
  /** Coordinating agencies (phối hợp). */
  coordinating: string[];
  /** Requested bodies (đề nghị), e.g. courts and procuracy. */
  requested: string[];
  /** Deadline, ISO `YYYY-MM-DD`; null when none (continuous or recurring). */
  deadline: string | null;
  /** Recurrence label, e.g. 'Hằng năm', 'Định kỳ 6 tháng', 'Thường xuyên'; null when none. */
  recurrence: string | null;
  /** Status label in Vietnamese, e.g. 'Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'. */
  status: string;
  /** Latest reported progress, 0–100; null when never reported. */
  progressPercent: number | null;
  /** Derived from the deadline and status by the caller; overdue rows are highlighted. */
  isOverdue: boolean;
  /** Time of the latest progress update, ISO datetime (with offset or Z); null when none. */
  lastUpdate: string | null;
  /** Narrative of the latest progress update. */
  lastUpdateNote: string | null;
}
