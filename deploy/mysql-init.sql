-- One database per system: the two legacy stand-ins (ERP, warehouse), the social store and the hub's own store.
CREATE DATABASE IF NOT EXISTS erp CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS inventory CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS social CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS hub CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'touchpoint'@'%' IDENTIFIED BY 'touchpoint';
GRANT ALL PRIVILEGES ON erp.* TO 'touchpoint'@'%';
GRANT ALL PRIVILEGES ON inventory.* TO 'touchpoint'@'%';
GRANT ALL PRIVILEGES ON social.* TO 'touchpoint'@'%';
GRANT ALL PRIVILEGES ON hub.* TO 'touchpoint'@'%';
