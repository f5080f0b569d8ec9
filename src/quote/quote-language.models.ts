import type { PolicyFlag } from './policy.models.ts';
import type { Alternative } from './alternatives.usecases.ts';
import { quoteMessage, quoteMessageOr, type QuoteLang } from './quote.messages.ts';
import type { Quote } from './quote.usecases.ts';

// A stored quote keeps the texts of the language it was computed in (French for the mission forms).
// Its flags carry their code and params, and its alternatives their mode or reason code, so it can be
// worded again in the reader's language; every figure stays as computed. A text whose code this
// version does not know (an older quote) is kept as stored.
export function quoteInLanguage(quote: Quote, lang: QuoteLang): Quote {
  const reword = (flag: PolicyFlag): PolicyFlag => ({ ...flag, message: quoteMessageOr(lang, flag.code, flag.params, flag.message) });
  return {
    ...quote,
    perDiem: quote.perDiem ? { ...quote.perDiem, flags: quote.perDiem.flags.map(reword) } : null,
    alternatives: quote.alternatives.map((alternative) => alternativeInLanguage(alternative, lang)),
    policy: quote.policy.map(reword),
  };
}

function alternativeInLanguage(alternative: Alternative, lang: QuoteLang): Alternative {
  if (!alternative.available) {
    const reason = quoteMessageOr(lang, `alternative.${alternative.reasonCode}`, alternative.reasonCode ? {} : undefined, alternative.reason);
    return { ...alternative, reason };
  }
  if (alternative.mode === 'train') return { ...alternative, note: quoteMessage(lang, 'alternative.rail_note') };
  return alternative.hours === undefined ? alternative : { ...alternative, note: quoteMessage(lang, 'alternative.visio_note', { hours: alternative.hours }) };
}
