-- When an API token stops working (NULL: never, as for the tokens made before tokens could
-- expire). A token that cannot leak for ever is the usual rule for machine credentials: the admin
-- picks its lifetime when making it, and makes a new one before it runs out.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ;
