import argon2 from 'argon2';

/**
 * 密码复杂度 password complexity (等保 2.0): 8–64 characters, at least three of upper case,
 * lower case, digits and symbols, and not containing the login name, phone or identity number.
 * Returns the reason code, or null when the password is acceptable.
 */
export function passwordWeakness(password: string, personal: Array<string | null | undefined> = []): string | null {
  if (password.length < 8 || password.length > 64) return 'user.password_length';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'user.password_classes';
  const lower = password.toLowerCase();
  for (const value of personal) {
    if (value && value.length >= 4 && lower.includes(value.toLowerCase())) return 'user.password_personal';
  }
  return null;
}

// OWASP's argon2id floor (19 MiB, 2 passes): a login stays well under 100 ms on two cores.
const ARGON_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, ARGON_OPTIONS);

export async function passwordMatches(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which accounts exist. */
let decoyHash: Promise<string> | null = null;
export const decoyPasswordHash = () => (decoyHash ??= hashPassword('decoy-password-never-matches-Aa1!'));
