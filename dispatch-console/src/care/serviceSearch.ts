import type { CareService, PhoneMenuOption, ServiceGroup } from '../../../shared/tickets/careServiceSchema.ts';

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const startsAWord = (typed: string, phraseWords: readonly string[]): boolean => phraseWords.some((w) => w.startsWith(typed));

/**
 * [CS1] The services an agent's words find, best first, within the phone menu's group when one is chosen (an
 * option-3 caller starts in Joburg Water's services) or across every service when none is. A service matches when
 * every typed word starts a word of its name, of one of its keywords (the words callers use: "pipe burst", "no
 * water") or its code. Rank: the name starts with the query, then every word is in the name, then a keyword
 * phrase holds them all, then the words are spread over name and keywords; ties in the catalogue's order. An
 * empty query lists the group. Pure.
 */
export function searchServices(services: readonly CareService[], group: ServiceGroup | null, query: string): CareService[] {
  const inGroup = group === null ? services : services.filter((s) => s.group === group);
  const typed = words(query);
  if (typed.length === 0) return [...inGroup];
  const joined = typed.join(' ');
  const hits: { service: CareService; rank: number; order: number }[] = [];
  inGroup.forEach((service, order) => {
    const nameWords = words(service.name);
    const keywordWords = service.keywords.map(words);
    const allWords = [...nameWords, ...keywordWords.flat(), ...words(service.code)];
    if (!typed.every((w) => startsAWord(w, allWords))) return;
    const rank = nameWords.join(' ').startsWith(joined)
      ? 0
      : typed.every((w) => startsAWord(w, nameWords))
        ? 1
        : keywordWords.some((k) => typed.every((w) => startsAWord(w, k)))
          ? 2
          : 3;
    hits.push({ service, rank, order });
  });
  return hits.sort((a, b) => a.rank - b.rank || a.order - b.order).map((h) => h.service);
}

/** [CS1] The phone-menu option a key chooses ("3" → Joburg Water), or undefined when the key is no option. */
export function menuOptionOf(menu: readonly PhoneMenuOption[], key: string): PhoneMenuOption | undefined {
  return menu.find((option) => option.digit === key);
}
