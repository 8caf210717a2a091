// Placeholder until the target's first real file lands; removed then.
