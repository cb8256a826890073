"""After the reply: the career upkeep the guideline book asks for (R9–R10), with the person's
own data, on their machine.

    archive   a ZIP or a folder read in place, its budgets checked before anything is read
    tables    CSV files read by header name (BOM, a "Notes:" preamble), their month dates
    linkedin  LinkedIn's data export → `Export` (profile, positions, skills, connections, …)
    posting   a job posting from text, saved HTML, JSON-LD or a job board's JSON → `Posting`
    terms     words → keywords: Indonesian affixes stripped, synonyms joined, weights counted
    profile   the export checked against R9.1 → findings; a posting's keywords it lacks
    social    X, Instagram, TikTok and LinkedIn archives → `Post`s
    scan      posts worth a second look (R9, R9.2), by the lexicons in `data/career/`
    watch     vacancy sources: what a source is, filters, the key that finds one posting twice
    skills    the skills asked for that the profile lacks, ranked (R10.2)
    network   who the person knows at a company, recruiters to reconnect with, vCards (R10.3, C3)
    fetch     the one network edge: a bounded GET of a source the person named

Everything but `fetch` is a pure function of values; `now` comes in as a parameter.
"""
