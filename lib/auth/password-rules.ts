// The password rules' numbers, on their own so a client form can show them without loading the strength estimator.

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
/** zxcvbn's score, 0 (too guessable) to 4 (very unguessable); 3 is "safely unguessable" against an offline attack. */
export const MIN_PASSWORD_SCORE = 3;
