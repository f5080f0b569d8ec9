// Comparable form of a place name: "L'Haÿ-les-Roses", "l’hay les roses" and "HAY-LES-ROSES" all
// give "hay les roses"; "St-Maur" gives "saint maur". Leading articles are dropped because
// travellers and gazetteers disagree on them ("Le Plessis-Robinson" / "Plessis-Robinson").
export function cityKey(name: string): string {
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
