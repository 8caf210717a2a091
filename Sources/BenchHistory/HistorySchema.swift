import GRDB

enum HistorySchema {}
