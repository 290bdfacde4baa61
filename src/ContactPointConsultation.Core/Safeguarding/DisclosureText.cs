using System.Buffers;
using System.Collections.Frozen;

namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// Turns a comment into the plain form the disclosure screen's rules read: lower-case words made of
/// letters and digits, one space between words, " . " where a sentence ends, apostrophes dropped,
/// letters typed three or more times collapsed, and text-speak and common misspellings spelt out.
/// Every character of the plain form remembers the span of the word it came from in the comment, so
/// a match can be shown to a person as the child wrote it.
/// </summary>
internal static class DisclosureText
{
    /// <summary>Words longer than this are copied through without spelling fixes.</summary>
    internal const int LongestWord = 48;

    /// <summary>Text-speak, contractions and misspellings, each "typed > plain". Typed words are lower case; one with an
    /// apostrophe is tried first, as typed ("he'll"), then the word without it ("hell").</summary>
    private const string SpellingTable = """
            // Pronouns and contractions
            u > you, ya > you, yu > you, ur > your, yr > your, r > are
            im > i am, i'm > i am, ima > i am going to, imma > i am going to
            ive > i have, i've > i have, i'll > i will, i'd > i would
            he'll > he will, she'll > she will, they'll > they will, theyll > they will
            he'd > he would, she'd > she would, they'd > they would, theyd > they would
            theyve > they have, youd > you would, youll > you will, weve > we have
            he's > he is, hes > he is, she's > she is, shes > she is
            they're > they are, theyre > they are, we're > we are, it's > it is
            thay > they, tey > they, dem > them, dey > they, mi > my
            meself > myself, myslef > myself, myselfe > myself, miself > myself, mysef > myself
            urself > yourself, yourslef > yourself, hisself > himself, herslef > herself, themself > themselves

            // Negatives ("don't" is already "dont" once its apostrophe goes)
            dnt > dont, dosnt > doesnt, dosent > doesnt, doesent > doesnt, dusnt > doesnt
            didint > didnt, wernt > werent, wasent > wasnt, carnt > cant, kant > cant, cannot > cant, wudnt > wouldnt
            dunno > dont know, dno > dont know, idk > i dont know
            beleive > believe, belive > believe, beleives > believes

            // Joined-up speech
            wanna > want to, wana > want to, wnna > want to, gonna > going to
            gunna > going to, goin > going, gotta > got to, tryna > trying to
            kinda > kind of, outta > out of, lemme > let me, gimme > give me

            // Common short forms
            bc > because, bcs > because, bcoz > because, bcos > because, bcuz > because
            cuz > because, coz > because, cos > because, cus > because, becuz > because
            becos > because, becoz > because, becuase > because, beacuse > because
            becasue > because, bcause > because, coss > because
            wen > when, wot > what, wat > what, wiv > with, wid > with, wit > with
            n > and, nd > and, b4 > before, 2 > to, 4 > for
            2day > today, 2nite > tonight, tonite > tonight, l8r > later
            ppl > people, discusting > disgusting, lokks > locks, cupbord > cupboard, aslep > asleep, agen > again, sum1 > someone, some1 > someone, no1 > no one, noone > no one
            nobdy > nobody, every1 > everyone, evry1 > everyone, any1 > anyone
            evry > every, rly > really, rlly > really, realy > really, sumtimes > sometimes
            somtimes > sometimes, smtimes > sometimes, lyk > like, luv > love
            hav > have, av > have, ave > have, bein > being, gettin > getting
            nuffin > nothing, nuffink > nothing, nothin > nothing, nuthin > nothing
            nothink > nothing, nemore > anymore, enymore > anymore
            hme > home, hom > home, skool > school, skl > school, skwl > school
            scool > school, shcool > school, plz > please, pls > please, plis > please
            alwayz > always, allways > always, alwys > always, evryday > everyday
            tho > though, thru > through, shud > should, cud > could, wud > would
            wuld > would, sed > said, sez > says, sayz > says, tol > told
            runaway > run away, ranaway > ran away

            // People
            mam > mum, mom > mum, mommy > mum, mummy > mum, mammy > mum, mumma > mum
            ma > mum, mother > mum, muther > mum, mams > mums, moms > mums, mummys > mums
            daddy > dad, da > dad, father > dad, farther > dad, fatha > dad, daddys > dads
            stepdad > step dad, stepdads > step dads, stepfather > step dad, stepmum > step mum
            stepmom > step mum, stepmother > step mum, stepmums > step mums
            nana > nan, nanna > nan, nanny > nan, gran > nan, granny > nan, grandma > nan
            grandmother > nan, nanas > nans, grannys > nans
            grandpa > grandad, grampa > grandad, gramps > grandad, granda > grandad
            granddad > grandad, grandfather > grandad, grandaddy > grandad
            bro > brother, bruv > brother, bruther > brother, bruvver > brother, brover > brother
            sis > sister, sista > sister, sistr > sister, siter > sister
            bf > boyfriend, gf > girlfriend, boyfreind > boyfriend, boyfrend > boyfriend
            girlfreind > girlfriend, freind > friend, frend > friend, frnd > friend
            fren > friend, freinds > friends, frends > friends, frnds > friends
            cuzin > cousin, cousen > cousin, couzin > cousin, uncel > uncle, unkle > uncle
            auntie > aunt, aunty > aunt, anty > aunt, techer > teacher, teecher > teacher
            neighbor > neighbour, nieghbour > neighbour, neigbour > neighbour, nabour > neighbour

            // Harm words, misspelt
            hurtz > hurts, hert > hurt, herts > hurts, hurted > hurt, hurtin > hurting
            hitted > hit, hittin > hitting, hitts > hits, beatin > beating, beated > beat
            punchs > punches, punchd > punched, kiks > kicks, kiked > kicked, kickin > kicking
            slaped > slapped, slapps > slaps, slappin > slapping, smackin > smacking
            choaks > chokes, choaked > choked, chocked > choked, stabb > stab
            touchs > touches, tuches > touches, touchez > touches, touchd > touched
            tuched > touched, touchin > touching, tuch > touch
            abbused > abused, abussed > abused, abuesd > abused, abusd > abused
            threatend > threatened, thretens > threatens, threatins > threatens, thretened > threatened
            bullyed > bullied, bullid > bullied, buly > bully, bulied > bullied, bullyd > bullied
            scard > scared, scaird > scared, skared > scared, scaredd > scared, frightend > frightened
            hungrey > hungry, hungery > hungry, starvin > starving
            sucide > suicide, suicde > suicide, sucicide > suicide, suiside > suicide
            suicied > suicide, suicid > suicide, sewerslide > suicide, sucidal > suicidal
            suicidle > suicidal, suisidal > suicidal, suicidel > suicidal
            kms > kill myself, kys > kill yourself, unalive > kill, unalived > killed
            unaliving > killing, ded > dead, alyve > alive, alife > alive
            selfharm > self harm, selfharming > self harming, selfharmed > self harmed
            cuttin > cutting, od > overdose, oded > overdosed
            depresed > depressed, nudez > nudes, noods > nudes
            pix > pics, piccies > pics, fotos > photos
            anymor > anymore, alown > alone, aloan > alone
        """;

    private static readonly FrozenDictionary<string, string> Spellings = ReadSpellings(SpellingTable);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SpellingOf =
        Spellings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words with a real double letter. A letter typed three or more times ("killll") becomes two
    /// when that spells one of these, and one otherwise ("pleeease", "hellllp", "meeee").</summary>
    private static readonly FrozenSet<string> DoubleLetterWords = FrozenSet.ToFrozenSet(
    [
        "all", "alll", "ball", "bully", "bullied", "bullies", "bullying", "call", "called", "calls", "fall", "full", "hell",
        "ill", "kill", "killed", "killing", "kills", "pill", "pills", "shall", "small", "still", "tell", "telling", "tells",
        "till", "well", "will", "yell", "yelling", "yells", "smell", "wall", "tall",
        "too", "soon", "school", "food", "good", "look", "looks", "took", "book", "cool", "door", "floor", "room", "moon",
        "bedroom", "boo", "hoo", "poo", "woods",
        "see", "free", "feel", "feels", "feeling", "need", "needs", "keep", "keeps", "sleep", "sleeping", "been", "agree",
        "three", "weed", "speed", "tree", "weekend", "week", "seen", "teen", "teens", "sweet", "meet", "meeting", "street",
        "miss", "missed", "less", "mess", "kiss", "kissed", "pass", "passed", "class", "boss", "stress", "stressed",
        "off", "stuff", "staff", "cliff", "add", "odd", "daddy", "mummy", "granny", "nanny", "sorry", "worry", "worried",
        "happy", "hurry", "carry", "funny", "sunny", "better", "little", "bottle", "letter", "matter", "summer", "dinner",
        "stabbed", "slapped", "grabbed", "dragged", "stopped", "dropped", "hitting", "getting", "cutting", "putting",
        "sitting", "letting", "running", "beginning", "groomed", "grooming", "terrified", "happened", "apple", "app", "apps",
        "yaaas", "aggressive", "annoying", "address", "access", "possible", "shh", "zzz", "err",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IsDoubleLetterWord =
        DoubleLetterWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, string> ReadSpellings(string table)
    {
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in table.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var pair in line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var (typed, plain) = pair.Split('>', StringSplitOptions.TrimEntries) switch
                {
                    [var t, var p] => (t, p),
                    _ => throw new InvalidOperationException($"Spelling table entry '{pair}' is not 'typed > plain'."),
                };
                spellings.Add(typed, plain);
            }
        }

        return spellings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The plain form of a comment, for tests and for reading what the rules see.</summary>
    public static string Normalise(string? comment)
    {
        using var plain = Plain.From(comment ?? "");
        return new string(plain.Text);
    }

    /// <summary>
    /// The plain form, in arrays borrowed from the shared pool: call Dispose to give them back.
    /// </summary>
    internal struct Plain : IDisposable
    {
        private char[] _text;
        private int[] _starts;
        private int[] _ends;
        private int _length;

        /// <summary>The plain text.</summary>
        public readonly ReadOnlySpan<char> Text => _text.AsSpan(0, _length);

        /// <summary>The comment's span, start inclusive and end exclusive, of the words behind plain characters
        /// <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
        public readonly (int Start, int End) Original(int start, int end) => (_starts[start], _ends[end - 1]);

        public static Plain From(string comment)
        {
            var plain = new Plain
            {
                _text = ArrayPool<char>.Shared.Rent(Math.Max(16, comment.Length + (comment.Length / 2) + 16)),
            };
            plain._starts = ArrayPool<int>.Shared.Rent(plain._text.Length);
            plain._ends = ArrayPool<int>.Shared.Rent(plain._text.Length);

            Span<char> word = stackalloc char[LongestWord];
            var sentenceEnded = false;
            var i = 0;
            while (i < comment.Length)
            {
                var c = comment[i];
                if (!char.IsLetterOrDigit(c))
                {
                    sentenceEnded |= c is '.' or '!' or '?' or ';' or '\n' or '\r' or '…';
                    i++;
                    continue;
                }

                var start = i;
                var length = 0;
                var tooLong = false;
                while (i < comment.Length)
                {
                    c = comment[i];
                    char next;
                    if (char.IsLetterOrDigit(c))
                    {
                        next = char.ToLowerInvariant(c);
                    }
                    else if (IsApostrophe(c) && length > 0 && i + 1 < comment.Length && char.IsLetter(comment[i + 1]))
                    {
                        next = '\'';
                    }
                    else
                    {
                        break;
                    }

                    if (length < LongestWord)
                    {
                        word[length++] = next;
                    }
                    else
                    {
                        tooLong = true;
                    }

                    i++;
                }

                if (plain._length > 0)
                {
                    if (sentenceEnded)
                    {
                        plain.Append(" .", start, start);
                    }

                    plain.Append(" ", start, start);
                }

                sentenceEnded = false;
                if (tooLong)
                {
                    plain.AppendWithoutApostrophes(comment.AsSpan(start, i - start), start, i);
                }
                else
                {
                    plain.AppendWord(word[..length], start, i);
                }
            }

            return plain;
        }

        /// <summary>Collapses letters typed three or more times, then spells out text-speak.</summary>
        private void AppendWord(Span<char> word, int start, int end)
        {
            word = CollapseRepeats(word);
            if (word.Contains('\'') && SpellingOf.TryGetValue(word, out var spelling))
            {
                Append(spelling, start, end);
                return;
            }

            var length = 0;
            foreach (var c in word)
            {
                if (c != '\'')
                {
                    word[length++] = c;
                }
            }

            word = word[..length];
            if (SpellingOf.TryGetValue(word, out spelling))
            {
                Append(spelling, start, end);
            }
            else
            {
                Append(word, start, end);
            }
        }

        private void AppendWithoutApostrophes(ReadOnlySpan<char> word, int start, int end)
        {
            foreach (var c in word)
            {
                if (char.IsLetterOrDigit(c))
                {
                    Append([char.ToLowerInvariant(c)], start, end);
                }
            }
        }

        private void Append(scoped ReadOnlySpan<char> text, int start, int end)
        {
            if (_length + text.Length > _text.Length)
            {
                Grow(_length + text.Length);
            }

            text.CopyTo(_text.AsSpan(_length));
            _starts.AsSpan(_length, text.Length).Fill(start);
            _ends.AsSpan(_length, text.Length).Fill(end);
            _length += text.Length;
        }

        private void Grow(int needed)
        {
            var size = Math.Max(needed, _text.Length * 2);
            var text = ArrayPool<char>.Shared.Rent(size);
            var starts = ArrayPool<int>.Shared.Rent(size);
            var ends = ArrayPool<int>.Shared.Rent(size);
            _text.AsSpan(0, _length).CopyTo(text);
            _starts.AsSpan(0, _length).CopyTo(starts);
            _ends.AsSpan(0, _length).CopyTo(ends);
            Dispose();
            (_text, _starts, _ends) = (text, starts, ends);
        }

        public readonly void Dispose()
        {
            ArrayPool<char>.Shared.Return(_text);
            ArrayPool<int>.Shared.Return(_starts);
            ArrayPool<int>.Shared.Return(_ends);
        }
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or '`' or '´' or '′' or '＇';

    /// <summary>"pleeease" to "please", "killll" to "kill": runs of three or more of a letter become two when
    /// that spells a word with a real double letter, otherwise one.</summary>
    private static Span<char> CollapseRepeats(Span<char> word)
    {
        var hasRun = false;
        for (var i = 2; i < word.Length && !hasRun; i++)
        {
            hasRun = word[i] == word[i - 1] && word[i] == word[i - 2] && char.IsLetter(word[i]);
        }

        if (!hasRun)
        {
            return word;
        }

        Span<char> doubled = stackalloc char[word.Length];
        var d = 0;
        var s = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i])
            {
                run++;
            }

            var keep = run >= 3 && char.IsLetter(word[i]) ? 1 : run;
            for (var k = 0; k < Math.Min(run, 2); k++)
            {
                doubled[d++] = word[i];
            }

            for (var k = 0; k < keep; k++)
            {
                word[s++] = word[i];
            }

            i += run - 1;
        }

        if (IsDoubleLetterWord.Contains(doubled[..d]))
        {
            doubled[..d].CopyTo(word);
            return word[..d];
        }

        return word[..s];
    }
}
