pub struct Keyword;
