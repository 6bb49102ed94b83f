#include "EmbeddedCluster.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <string>

using kafkanative::EmbeddedCluster;

namespace {

/// The port of each `host:port` in `servers` whose listening socket in this process has
/// TCP_NODELAY, which the connections it accepts inherit.
int listenersWithoutNagle(const std::string& servers) {
  int found = 0;
  for (int fd = 0; fd < 4096; ++fd) {
    int value = 0;
    socklen_t length = sizeof value;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &value, &length) != 0 || value == 0) {
      continue;
    }
    sockaddr_in address{};
    length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0 ||
        servers.find(":" + std::to_string(ntohs(address.sin_port))) == std::string::npos) {
      continue;
    }
    length = sizeof value;
    if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, &length) == 0 && value != 0) {
      ++found;
    }
  }
  return found;
}

}  // namespace

// As Kafka brokers: without it a client without Nagle (the plugin's default) saw answers held
// back 100–160 ms behind the client's delayed ACK.
TEST(EmbeddedCluster, BrokersAnswerWithoutNagleAsKafkaBrokersDo) {
  EmbeddedCluster cluster(3);
  EXPECT_EQ(listenersWithoutNagle(cluster.bootstrapServers()), 3);
  cluster.setBrokerDown(2, true);
  cluster.setBrokerDown(2, false);  // its listener may be a new socket
  EXPECT_EQ(listenersWithoutNagle(cluster.bootstrapServers()), 3);
}
