-- First and last day with appeals (local dates), to place default windows inside the data.
SELECT strftime(min(received_at), '%Y-%m-%d') AS first_day, strftime(max(received_at), '%Y-%m-%d') AS last_day
FROM appeals;
