// argon2id through @node-rs/argon2 (decision 004): a maintained native binding, no hand-rolled crypto.
import { hash, verify } from "@node-rs/argon2";

// OWASP's second recommended argon2id configuration: m=19 MiB, t=2, p=1.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy.ts";
