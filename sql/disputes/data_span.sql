-- First and last receipt date in the data (local dates), to default analysis windows to the data's end.
SELECT strftime(min(received_at), '%Y-%m-%d') AS first_day, strftime(max(received_at), '%Y-%m-%d') AS last_day FROM appeals;
