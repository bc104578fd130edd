"""The text layer every annotator shares: Arabic character sets and folds (`charsets`),
normalisation with an offset map (`normalize`), sentences and paragraphs (`sentences`) and the
one document built per article (`document`)."""
