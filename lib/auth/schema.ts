import { z } from 'zod';

// One schema per form, used by the server action behind the page and by the JSON API alike.

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

const email = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address.' }));

// The rule for every password a user chooses: at registration, on change and on reset.
const newPassword = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const registerSchema = z.object({
  email,
  password: newPassword,
  name: z
    .string({ error: 'Enter your name.' })
    .trim()
    .min(1, 'Enter your name.')
    .max(100, 'Use at most 100 characters.'),
});

// Login checks only the shape: a password policy here would tell a guesser which passwords cannot exist.
export const loginSchema = z.object({
  email,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX, 'Email or password is incorrect.'),
});

export type RegisterInput = z.infer<typeof registerSchema>;
export type LoginInput = z.infer<typeof loginSchema>;

/** A device's public session id as the store makes them: 16 random bytes, base64url. */
export const sessionIdParamsSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Not a session id.'),
});

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: 'Enter your current password.' })
    .min(1, 'Enter your current password.')
    .max(PASSWORD_MAX, 'That is not your current password.'),
  newPassword,
});

export const passwordResetRequestSchema = z.object({ email });

/** A token from a mailed link (lib/tokens): anything longer was not made here. */
const linkToken = z
  .string({ error: 'The link is incomplete.' })
  .min(1, 'The link is incomplete.')
  .max(2048, 'The link is invalid.');

export const passwordResetConfirmSchema = z.object({ token: linkToken, password: newPassword });

export const verifyEmailSchema = z.object({ token: linkToken });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmSchema>;
