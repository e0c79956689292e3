import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import { MIN_PASSWORD_SCORE } from './password-rules';

// How guessable a new password is, by zxcvbn-ts with its common-password and English dictionaries. The same code
// judges on the server (the rule) and in the browser (the meter on the form, loaded only when someone types).

export type PasswordStrength = {
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** One sentence for the person choosing it, or null when there is nothing to say. */
  feedback: string | null;
};

let factory: ZxcvbnFactory | undefined;

function estimator(): ZxcvbnFactory {
  // Building the dictionaries costs tens of milliseconds: once per process, on first use.
  factory ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
    // Bounds the work per check (long inputs with many digits cost zxcvbn seconds otherwise): l33t variants beyond
    // four substitutions, and characters beyond 64, add nothing a guesser would try first.
    l33tMaxSubstitutions: 4,
    maxLength: 64,
  });
  return factory;
}

/** `userInputs` (email, name) count as known words: a password built from them is weaker. */
export function passwordStrength(password: string, userInputs: readonly string[] = []): PasswordStrength {
  const result = estimator().check(password, userInputs.filter(Boolean) as string[]);
  const acceptable = result.score >= MIN_PASSWORD_SCORE;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return {
    score: result.score,
    acceptable,
    feedback: acceptable ? null : `This password is too easy to guess.${hint ? ` ${hint}` : ''}`,
  };
}
