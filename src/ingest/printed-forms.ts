/**
 * For a page read through its simplified copy (traditional.ts), or with its names' variant middle
 * dots read as · (normalise.ts): the names, titles, labels and designations the parser read from
 * that copy, given back in the characters the page printed.
 * The copy has the page's length and offsets, so each value is found where the parser found it.
 */
import { nameDotCode } from "./normalise.ts";
import { simplifiedCode } from "./traditional.ts";
import type { ParsedArticle, ParsedPage, Span } from "./types.ts";

/** How far before a credited name its label may stand (本报特约记者 and its padding). */
const LABEL_REACH = 16;

export function restorePrintedForms(text: string, reading: string, page: ParsedPage): void {
  const within = (value: string, span: Span) => alignedIn(value, text, span.start, span.end);
  const labelBefore = (label: string, nameStart: number) => {
    const at = reading.lastIndexOf(label, nameStart - label.length);
    return at >= 0 && at >= nameStart - LABEL_REACH ? text.slice(at, at + label.length) : label;
  };
  for (const article of page.articles) {
    for (const credit of article.credits) {
      if (credit.label !== null) credit.label = labelBefore(credit.label, credit.span.start);
      credit.name = within(credit.name, credit.span);
    }
    for (const mention of article.mentions) {
      mention.name = within(mention.name, mention.span);
      if (mention.title !== null && mention.titleSpan !== null) mention.title = within(mention.title, mention.titleSpan);
    }
    if (article.source !== null) article.source = sourceAsPrinted(article, article.source, text, reading);
  }
  for (const caption of [...page.articles.flatMap((article) => article.captions), ...page.captions]) {
    if (caption.photographer !== null && caption.photographerSpan !== null) caption.photographer = within(caption.photographer, caption.photographerSpan);
  }
}

/**
 * The designation as printed: in the dispatch (本報南京3月11日電 gives 本報, its characters
 * taken where they stand), else where the article first prints it (a byline's 本報記者).
 */
function sourceAsPrinted(article: ParsedArticle, source: string, text: string, reading: string): string {
  if (article.dispatch !== null) return alignedIn(source, article.dispatch, 0, article.dispatch.length);
  const at = reading.indexOf(source, article.span.start);
  return at >= 0 && at + source.length <= article.span.end ? text.slice(at, at + source.length) : source;
}

/**
 * The characters of `text` between `start` and `end` that spell `value` once read as simplified,
 * in order, skipping what the value leaves out (line breaks, padding, a place and date between
 * 本报 and 讯); `value` itself when they do not.
 */
export function alignedIn(value: string, text: string, start: number, end: number): string {
  let printed = "";
  let at = start;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    while (at < end && text.charCodeAt(at) !== code && simplifiedCode(nameDotCode(text.charCodeAt(at))) !== code) at++;
    if (at >= end) return value;
    printed += text[at];
    at++;
  }
  return printed;
}
