/**
 * The plain data the parser produces from one page of text. It knows nothing of the
 * database: the loader in src/loader writes it, the CLI prints it.
 *
 * Every span is a half-open range [start, end) of UTF-16 code-unit offsets into the exact
 * string given to `parsePage`, so `text.slice(span.start, span.end)` is what was printed.
 */
export interface Span {
  start: number;
  end: number;
}

/** What the parser needs to know that the page text does not carry. */
export interface PageContext {
  /** The issue date, YYYY-MM-DD: gives datelines their year. */
  issueDate: string;
  /** The publication's region, for resolving 市委/省委 in titles. */
  region?: { city?: string | null; province?: string | null };
  /**
   * The publication's name (扬子晚报, 海峡导报): a byline under the paper's own name, or a short form
   * the name ends with (扬子晚报记者 X, 导报记者 X), gives that name as the source, as 本报记者 gives 本报.
   */
  publication?: string | null;
}

export type CreditRole = "REPORTER" | "PHOTOGRAPHER" | "AUTHOR";

export interface ParsedCredit {
  role: CreditRole;
  /** The person's name, exactly as printed (padding spaces removed). */
  name: string;
  /** The label printed before the name: 记者, 本报记者, 通讯员, 实习生, 新华社记者; null when unlabelled. */
  label: string | null;
  /** Where the name itself stands in the text. */
  span: Span;
}

export interface ParsedMention {
  name: string;
  /** The title as printed with this mention (before or after the name), null when none. */
  title: string | null;
  /** The title with 市委/省委 etc. resolved by the publication's region; null when no title. */
  normalisedTitle: string | null;
  /** Where the name stands (the first mention in the article). */
  span: Span;
  /** Where the printed title stands, null when none. */
  titleSpan: Span | null;
}

export interface ParsedCaption {
  /** Caption text without the photographer credit, e.g. "工作座谈会现场。" */
  text: string;
  photographer: string | null;
  span: Span;
  /** Span of the photographer's name, null when none. */
  photographerSpan: Span | null;
}

export interface ParsedParagraph {
  /** The repaired paragraph text (column breaks rejoined, doubled characters removed). */
  text: string;
  /** From the first to the last printed character of the paragraph, breaks included. */
  span: Span;
}

export interface ParsedMarker {
  /** The page label the marker names, normalised (src/ingest/page-label.ts): "3", "B02". */
  label: string;
  /** The page number when the label is a plain number ((下转第3版) → 3); null for a section page such as B02. */
  page: number | null;
  /** The marker as printed, e.g. "(下转第3版)". */
  text: string;
  span: Span;
}

export interface ParsedArticle {
  /** 1-based order on the page. */
  position: number;
  /** From the first line of the article (kicker or headline) to its last character. */
  span: Span;
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  /**
   * Where the kicker, headline and subheadline stand (text.slice gives them as printed; a
   * heading printed on two lines spans both). Optional so that hand-built values need not
   * carry them; the parser always sets them (null when the part is absent).
   */
  kickerSpan?: Span | null;
  headlineSpan?: Span | null;
  subheadlineSpan?: Span | null;
  /** The designation: 本报讯, 本报, 新华社, 据新华社, … ; null when none. */
  source: string | null;
  /** The dispatch as printed, e.g. "本报讯(记者 殷雪莹、梁涛)", "新华社北京10月11日电（记者 A）". */
  dispatch: string | null;
  /** The date phrase as printed: "6月2日", "6月1日下午". */
  dateline: string | null;
  /** The dateline resolved against the issue date, YYYY-MM-DD. */
  eventDate: string | null;
  paragraphs: ParsedParagraph[];
  credits: ParsedCredit[];
  mentions: ParsedMention[];
  captions: ParsedCaption[];
  /** The jump out: (下转第3版). */
  continuesOn: ParsedMarker | null;
  /** The pickup: (上接第1版). */
  continuedFrom: ParsedMarker | null;
}

export interface ParsedPage {
  /** Which text form was recognised. */
  format: "ocr" | "epaper";
  articles: ParsedArticle[];
  /** Captions that could not be attached to any article. */
  captions: ParsedCaption[];
}
