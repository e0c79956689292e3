import { z } from 'zod';
import { SESSION_ID_PATTERN } from '@/lib/session/schema';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-rules';
import { passwordStrength } from './password-strength';

// One schema per form, used by the server action behind the page and by the JSON API alike.

export { PASSWORD_MAX, PASSWORD_MIN };

const email = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address.' }))
  // The API document describes the input side of the pipe, which would otherwise lose the format.
  .meta({ format: 'email' });

const passwordLength = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

/** Every password a user chooses on change and reset: long enough, and not easy to guess. */
const newPassword = passwordLength.superRefine((password, context) => {
  const strength = passwordStrength(password);
  if (!strength.acceptable) context.addIssue({ code: 'custom', message: strength.feedback ?? '' });
});

export const registerSchema = z
  .object({
    email,
    // Judged below, once, with the account's own words.
    password: passwordLength,
    name: z
      .string({ error: 'Enter your name.' })
      .trim()
      .min(1, 'Enter your name.')
      .max(100, 'Use at most 100 characters.'),
  })
  .superRefine(({ email, name, password }, context) => {
    // Built from the account's own email or name, a password is easier to guess for anyone who knows them.
    const strength = passwordStrength(password, [email, email.split('@')[0] ?? '', name]);
    if (!strength.acceptable) {
      context.addIssue({ code: 'custom', path: ['password'], message: strength.feedback ?? '' });
    }
  });

// Login checks only the shape: a password policy here would tell a guesser which passwords cannot exist.
export const loginSchema = z.object({
  email,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX, 'Email or password is incorrect.'),
  // "Keep me signed in": unchecked, the session ends with the browser or after SESSION_BROWSER_IDLE_SECONDS idle.
  remember: z.boolean({ error: 'remember must be true or false.' }).default(false),
});

export type RegisterInput = z.infer<typeof registerSchema>;
/** Persistent only when asked for: callers inside the app may leave `remember` out. */
export type LoginInput = Omit<z.output<typeof loginSchema>, 'remember'> & { remember?: boolean };

/** A device's public session id as the store makes them: 16 random bytes, base64url. */
export const sessionIdParamsSchema = z.object({
  id: z.string().regex(SESSION_ID_PATTERN, 'Not a session id.'),
});

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: 'Enter your current password.' })
    .min(1, 'Enter your current password.')
    .max(PASSWORD_MAX, 'That is not your current password.'),
  newPassword,
});

export const passwordResetRequestSchema = z.object({ email });

/** The same answer whether or not the address has an account. */
export const passwordResetRequestedSchema = z.object({ message: z.string() });

/** A token from a mailed link (lib/tokens): anything longer was not made here. */
const linkToken = z
  .string({ error: 'The link is incomplete.' })
  .min(1, 'The link is incomplete.')
  .max(2048, 'The link is invalid.');

export const passwordResetConfirmSchema = z.object({ token: linkToken, password: newPassword });

export const verifyEmailSchema = z.object({ token: linkToken });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmSchema>;
