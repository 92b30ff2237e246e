"""Web pages of participation: public (citizens, no account) and staff."""
