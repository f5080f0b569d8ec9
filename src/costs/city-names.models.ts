// Comparable form of a place name: "L'Haÿ-les-Roses", "l’hay les roses" and "HAY-LES-ROSES" all
// give "hay les roses"; "St-Maur" gives "saint maur". Leading articles are dropped because
// travellers and gazetteers disagree on them ("Le Plessis-Robinson" / "Plessis-Robinson").
// Keys of the same few names are asked for on every quote: remembered, within a bound.
const keys = new Map<string, string>();

export function cityKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = computeCityKey(name);
    if (keys.size >= 10_000) keys.clear();
    keys.set(name, key);
  }
  return key;
}

function computeCityKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/^(le|la|les|l|the) /, '');
}
