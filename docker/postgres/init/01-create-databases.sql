-- One database per service (contract §2: no service reads another's tables).
CREATE DATABASE drug_auth;
CREATE DATABASE nursing_auth;
CREATE DATABASE supplies_auth;
CREATE DATABASE coordinator;
