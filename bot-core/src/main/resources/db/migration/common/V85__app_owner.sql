-- Who owns each inventory app (issue 16): the requester unless an admin named someone else with "owner". Apps
-- imported by sync have no requester and no row here until an admin assigns one. Owners are platform:userId.
CREATE TABLE app_owner (
    org_name    VARCHAR(64)  NOT NULL,
    api_name    VARCHAR(80)  NOT NULL,
    owner       VARCHAR(255) NOT NULL,
    assigned_by VARCHAR(255) NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_owner_pk PRIMARY KEY (org_name, api_name)
);
