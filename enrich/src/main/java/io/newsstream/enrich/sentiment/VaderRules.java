package io.newsstream.enrich.sentiment;

import java.util.Map;
import java.util.Set;

/**
 * VADER's rules (Hutto &amp; Gilbert 2014) as static functions over token arrays, shared by the faithful
 * port ({@link Vader}) and the news layer ({@link NewsSentimentScorer}). Constants and rules follow
 * the vader-sentiment 1.1.3 JavaScript port, itself a port of the reference Python implementation.
 */
final class VaderRules {
    /** Empirical mean rating increase for booster words. */
    static final double B_INCR = 0.293;
    /** Empirical mean rating decrease for dampener words. */
    static final double B_DECR = -0.293;
    /** Empirical mean rating increase for a word in ALL CAPS among mixed-case words. */
    static final double C_INCR = 0.733;
    /** Scalar applied to a negated valence. */
    static final double N_SCALAR = -0.74;
    /** Normalisation constant: approximates the maximum expected raw sum. */
    static final double ALPHA = 15;

    static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
            "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt",
            "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't",
            "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing",
            "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
            "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely",
            "seldom", "despite");

    static final Map<String, Double> BOOSTERS = Map.ofEntries(
            Map.entry("absolutely", B_INCR), Map.entry("amazingly", B_INCR), Map.entry("awfully", B_INCR),
            Map.entry("completely", B_INCR), Map.entry("considerably", B_INCR), Map.entry("decidedly", B_INCR),
            Map.entry("deeply", B_INCR), Map.entry("effing", B_INCR), Map.entry("enormously", B_INCR),
            Map.entry("entirely", B_INCR), Map.entry("especially", B_INCR), Map.entry("exceptionally", B_INCR),
            Map.entry("extremely", B_INCR), Map.entry("fabulously", B_INCR), Map.entry("flipping", B_INCR),
            Map.entry("flippin", B_INCR), Map.entry("fricking", B_INCR), Map.entry("frickin", B_INCR),
            Map.entry("frigging", B_INCR), Map.entry("friggin", B_INCR), Map.entry("fully", B_INCR),
            Map.entry("fucking", B_INCR), Map.entry("greatly", B_INCR), Map.entry("hella", B_INCR),
            Map.entry("highly", B_INCR), Map.entry("hugely", B_INCR), Map.entry("incredibly", B_INCR),
            Map.entry("intensely", B_INCR), Map.entry("majorly", B_INCR), Map.entry("more", B_INCR),
            Map.entry("most", B_INCR), Map.entry("particularly", B_INCR), Map.entry("purely", B_INCR),
            Map.entry("quite", B_INCR), Map.entry("really", B_INCR), Map.entry("remarkably", B_INCR),
            Map.entry("so", B_INCR), Map.entry("substantially", B_INCR), Map.entry("thoroughly", B_INCR),
            Map.entry("totally", B_INCR), Map.entry("tremendously", B_INCR), Map.entry("uber", B_INCR),
            Map.entry("unbelievably", B_INCR), Map.entry("unusually", B_INCR), Map.entry("utterly", B_INCR),
            Map.entry("very", B_INCR),
            Map.entry("almost", B_DECR), Map.entry("barely", B_DECR), Map.entry("hardly", B_DECR),
            Map.entry("just enough", B_DECR), Map.entry("kind of", B_DECR), Map.entry("kinda", B_DECR),
            Map.entry("kindof", B_DECR), Map.entry("kind-of", B_DECR), Map.entry("less", B_DECR),
            Map.entry("little", B_DECR), Map.entry("marginally", B_DECR), Map.entry("occasionally", B_DECR),
            Map.entry("partly", B_DECR), Map.entry("scarcely", B_DECR), Map.entry("slightly", B_DECR),
            Map.entry("somewhat", B_DECR), Map.entry("sort of", B_DECR), Map.entry("sorta", B_DECR),
            Map.entry("sortof", B_DECR), Map.entry("sort-of", B_DECR));

    static final Map<String, Double> IDIOMS = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
            "yeah right", -2.0, "cut the mustard", 2.0, "kiss of death", -1.5, "hand to mouth", -2.0);

    /** VADER's punctuation affixes stripped from a token (single and repeated marks). */
    static final Set<String> PUNC_LIST = Set.of(".", "!", "?", ",", ";", ":", "-", "'", "\"", "!!", "!!!", "??",
            "???", "?!?", "!?!", "?!?!", "!?!?");

    private VaderRules() {
    }

    /** Python's {@code string.punctuation}. */
    static boolean isPunct(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    /** JavaScript's {@code \s}: what VADER splits words on. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000' || c == '\ufeff';
    }

    /** Python's {@code str.isupper} as the reference port has it: an ASCII capital and no ASCII small letter. */
    static boolean isUpper(String word) {
        boolean upper = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            }
        }
        return upper;
    }

    /** True when some but not all words are in ALL CAPS: only then does capitalisation add emphasis. */
    static boolean capDifferential(String[] words, int n) {
        int caps = 0;
        for (int i = 0; i < n; i++) {
            if (isUpper(words[i])) {
                caps++;
            }
        }
        int diff = n - caps;
        return diff > 0 && diff < n;
    }

    static boolean negated(String word, Set<String> negations) {
        return negations.contains(word) || word.contains("n't");
    }

    static double normalize(double score) {
        double norm = score / Math.sqrt(score * score + ALPHA);
        return Math.max(-1.0, Math.min(1.0, norm));
    }

    /** Emphasis from '!' (up to 4) and '?' (2 or more) in a text. */
    static double punctuationAmplifier(int exclamations, int questionMarks) {
        double ep = Math.min(exclamations, 4) * 0.292;
        double qm = 0;
        if (questionMarks > 1) {
            qm = questionMarks <= 3 ? questionMarks * 0.18 : 0.96;
        }
        return ep + qm;
    }

    /**
     * Per-word valence after VADER's word-level rules (caps, boosters, negation, "never so", idioms,
     * "least"); a word VADER does not score gets 0.
     *
     * @param raw   the words as written (for ALL CAPS)
     * @param cmp   the words used for VADER's case-sensitive comparisons (negation, idioms); the faithful
     *              port passes {@code raw}, the news layer the lower-case forms
     * @param lower lower-case forms, for booster look-ups and "least"
     * @param base  each word's lexicon valence, {@code NaN} for a word the lexicon does not know
     * @param negations the words that negate what follows
     * @param out   receives one valence per word
     */
    static void valences(String[] raw, String[] cmp, String[] lower, int n, double[] base, boolean capDiff,
            Set<String> negations, double[] out) {
        for (int i = 0; i < n; i++) {
            String item = lower[i];
            if ((i < n - 1 && item.equals("kind") && lower[i + 1].equals("of")) || BOOSTERS.containsKey(item)) {
                out[i] = 0;
                continue;
            }
            double valence = base[i];
            if (Double.isNaN(valence)) {
                out[i] = 0;
                continue;
            }
            if (capDiff && isUpper(raw[i])) {
                valence += valence > 0 ? C_INCR : -C_INCR;
            }
            for (int startI = 0; startI < 3; startI++) {
                int prev = i - (startI + 1);
                if (i > startI && Double.isNaN(base[prev])) {
                    double s = scalarIncDec(raw[prev], lower[prev], valence, capDiff);
                    if (startI == 1 && s != 0) {
                        s *= 0.95;
                    } else if (startI == 2 && s != 0) {
                        s *= 0.9;
                    }
                    valence += s;
                    valence = neverCheck(valence, cmp, startI, i, negations);
                    if (startI == 2) {
                        valence = idiomsCheck(valence, cmp, i, n);
                    }
                }
            }
            out[i] = leastCheck(valence, lower, i, base);
        }
    }

    private static double scalarIncDec(String raw, String lower, double valence, boolean capDiff) {
        Double b = BOOSTERS.get(lower);
        if (b == null) {
            return 0;
        }
        double scalar = valence < 0 ? -b : b;
        if (capDiff && isUpper(raw)) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    private static double neverCheck(double valence, String[] w, int startI, int i, Set<String> negations) {
        if (startI == 0) {
            if (negated(w[i - 1], negations)) {
                valence *= N_SCALAR;
            }
        } else if (startI == 1) {
            if (w[i - 2].equals("never") && (w[i - 1].equals("so") || w[i - 1].equals("this"))) {
                valence *= 1.5;
            } else if (negated(w[i - 2], negations)) {
                valence *= N_SCALAR;
            }
        } else {
            // The reference tests w[i-1] here too; kept for fidelity.
            if ((w[i - 3].equals("never") && (w[i - 2].equals("so") || w[i - 2].equals("this")))
                    || w[i - 1].equals("so") || w[i - 1].equals("this")) {
                valence *= 1.25;
            } else if (negated(w[i - 3], negations)) {
                valence *= N_SCALAR;
            }
        }
        return valence;
    }

    /**
     * The last word of every idiom and two-word booster. Every sequence the check looks up ends in word i-2,
     * i-1, i, i+1 or i+2, so when none of these is such a word nothing can match and the look-ups are skipped.
     */
    private static final Set<String> IDIOM_LAST_WORDS = Set.of("shit", "bomb", "ass", "right", "mustard", "death",
            "mouth", "enough", "of");

    private static double idiomsCheck(double valence, String[] w, int i, int n) {
        boolean near = false;
        for (int k = i - 2; k <= Math.min(n - 1, i + 2) && !near; k++) {
            near = IDIOM_LAST_WORDS.contains(w[k]);
        }
        if (!near) {
            return valence;
        }
        String oneZero = w[i - 1] + " " + w[i];
        String twoOneZero = w[i - 2] + " " + w[i - 1] + " " + w[i];
        String twoOne = w[i - 2] + " " + w[i - 1];
        String threeTwoOne = w[i - 3] + " " + w[i - 2] + " " + w[i - 1];
        String threeTwo = w[i - 3] + " " + w[i - 2];
        for (String seq : new String[] {oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo}) {
            Double idiom = IDIOMS.get(seq);
            if (idiom != null) {
                valence = idiom;
                break;
            }
        }
        if (n - 1 > i) {
            Double idiom = IDIOMS.get(w[i] + " " + w[i + 1]);
            if (idiom != null) {
                valence = idiom;
            }
        }
        if (n - 1 > i + 1) {
            Double idiom = IDIOMS.get(w[i] + " " + w[i + 1] + " " + w[i + 2]);
            if (idiom != null) {
                valence = idiom;
            }
        }
        if (BOOSTERS.containsKey(threeTwo) || BOOSTERS.containsKey(twoOne)) {
            valence += B_DECR;
        }
        return valence;
    }

    private static double leastCheck(double valence, String[] lower, int i, double[] base) {
        if (i > 0 && lower[i - 1].equals("least") && Double.isNaN(base[i - 1])) {
            if (i == 1 || (!lower[i - 2].equals("at") && !lower[i - 2].equals("very"))) {
                valence *= N_SCALAR;
            }
        }
        return valence;
    }

    /** VADER's contrastive "but": halves what comes before it and adds half to what comes after. */
    static void butCheck(String[] cmp, int n, double[] valences) {
        int but = indexOf(cmp, n, "but");
        if (but < 0) {
            but = indexOf(cmp, n, "BUT");
        }
        if (but < 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (i < but) {
                valences[i] *= 0.5;
            } else if (i > but) {
                valences[i] *= 1.5;
            }
        }
    }

    private static int indexOf(String[] words, int n, String word) {
        for (int i = 0; i < n; i++) {
            if (words[i].equals(word)) {
                return i;
            }
        }
        return -1;
    }

    /** VADER's final step: compound and the three shares from per-word valences and the text's emphasis. */
    static VaderScores scoreValence(double[] valences, int n, double amplifier) {
        if (n == 0) {
            return VaderScores.EMPTY;
        }
        double sum = 0;
        double posSum = 0;
        double negSum = 0;
        int neutral = 0;
        for (int i = 0; i < n; i++) {
            double v = valences[i];
            sum += v;
            // +/-1 compensates for neutral words being counted as 1
            if (v > 0) {
                posSum += v + 1;
            } else if (v < 0) {
                negSum += v - 1;
            } else {
                neutral++;
            }
        }
        if (sum > 0) {
            sum += amplifier;
        } else if (sum < 0) {
            sum -= amplifier;
        }
        double compound = normalize(sum);
        if (posSum > Math.abs(negSum)) {
            posSum += amplifier;
        } else if (posSum < Math.abs(negSum)) {
            negSum -= amplifier;
        }
        double total = posSum + Math.abs(negSum) + neutral;
        return new VaderScores(Math.abs(negSum / total), Math.abs(neutral / total), Math.abs(posSum / total), compound);
    }
}
