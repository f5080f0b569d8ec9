import type { Database } from '../shared/db.ts';
import { countActiveAdmins } from './users.repository.ts';

// Printed by the server at start while nobody can administer the instance. Returns the text (or null)
// so that a test can check it without capturing the console.
export async function firstStartHint(database: Database, print: (text: string) => void = console.log): Promise<string | null> {
  if (await countActiveAdmins(database.db) > 0) return null;
  const text = [
    'No administrator yet. Create the first one (the password is read from standard input):',
    '  npx empreinte entity add --name "IMT Mines Alès" --kind service',
    "  printf '%s\\n' 'a-long-passphrase' | npx empreinte user add --email admin@example.org --name \"Admin\" \\",
    '      --role admin --role staff --entity "IMT Mines Alès" --password-stdin',
    'then sign in at /sign-in.',
  ].join('\n');
  print(text);
  return text;
}
