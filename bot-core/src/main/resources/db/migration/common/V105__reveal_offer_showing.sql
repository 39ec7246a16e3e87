-- A released secret is destroyed only once the chat platform accepted the window that shows it: until then the
-- offer stays OPEN with showing_until set, so a second click meanwhile shows nothing (the secret is revealed once),
-- and a window the platform refused leaves the offer revealable again (showing_until cleared, or simply passed
-- after a crash).
ALTER TABLE reveal_offers ADD COLUMN showing_until TIMESTAMP WITH TIME ZONE;
