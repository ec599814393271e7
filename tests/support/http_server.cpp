// A small HTTP/1.1 server for the fetch tests, on 127.0.0.1 only. It serves
// files from a folder and misbehaves on purpose at chosen paths:
//   /files/NAME        the file (honours "Range: bytes=N-")
//   /flaky/NAME        503 twice, then the file
//   /cut/NAME          the first answer stops half way through the body
//   /half/NAME         half the file, with a Content-Length that says so
//   /more/NAME         announces half the file's length, then sends it all
//   /stall             headers and a few bytes, then silence
//   /loop              a redirect to itself
//   /moved/NAME        a redirect to /files/NAME
//   /html              an HTML error page with status 200
//   /missing           404
//   /huge              announces 1 GiB
//   /api/query         FOLDER/atom.xml, as the arXiv API would answer
// Usage: http_server FOLDER PORT_FILE [SECONDS]. It writes its port to
// PORT_FILE and exits by itself after SECONDS (default 120).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

namespace {

std::string folder;
std::mutex counts_mutex;
std::map<std::string, int> counts;  // requests seen per path

int seen(const std::string& path) {
  std::lock_guard<std::mutex> lock(counts_mutex);
  return ++counts[path];
}

void send_all(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

std::string read_file(const std::string& name) {
  std::ifstream in(folder + "/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void answer(int fd, int status, const std::string& reason, const std::string& headers, const std::string& body) {
  send_all(fd, "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nConnection: close\r\n" + headers +
                   "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

void serve_file(int fd, const std::string& name, long from) {
  const std::string body = read_file(name);
  if (body.empty()) return answer(fd, 404, "Not Found", "", "no such file");
  if (from > 0 && from < static_cast<long>(body.size()))
    return answer(fd, 206, "Partial Content",
                  "Content-Type: application/pdf\r\nContent-Range: bytes " + std::to_string(from) + "-" +
                      std::to_string(body.size() - 1) + "/" + std::to_string(body.size()) + "\r\n",
                  body.substr(static_cast<std::size_t>(from)));
  answer(fd, 200, "OK", "Content-Type: application/pdf\r\n", body);
}

void handle(int fd) {
  std::string request;
  char buf[4096];
  while (request.find("\r\n\r\n") == std::string::npos) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    request.append(buf, static_cast<std::size_t>(n));
  }
  std::istringstream in(request);
  std::string method, path;
  in >> method >> path;
  path = path.substr(0, path.find('?'));  // routes ignore the query string
  long from = 0;
  const auto range = request.find("Range: bytes=");
  if (range != std::string::npos) from = std::stol(request.substr(range + 13));
  const auto after = [&](const std::string& prefix) { return path.substr(prefix.size()); };
  if (path.rfind("/files/", 0) == 0) serve_file(fd, after("/files/"), from);
  else if (path.rfind("/flaky/", 0) == 0) {
    if (seen(path) <= 2) answer(fd, 503, "Service Unavailable", "Retry-After: 0\r\n", "busy");
    else serve_file(fd, after("/flaky/"), from);
  } else if (path.rfind("/cut/", 0) == 0) {
    const std::string body = read_file(after("/cut/"));
    if (seen(path) == 1) {  // promise it all, send half, hang up
      send_all(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/pdf\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, body.size() / 2));
    } else {
      serve_file(fd, after("/cut/"), from);
    }
  } else if (path.rfind("/half/", 0) == 0) {
    const std::string body = read_file(after("/half/"));
    answer(fd, 200, "OK", "Content-Type: application/pdf\r\n", body.substr(0, body.size() / 2));
  } else if (path.rfind("/more/", 0) == 0) {
    const std::string body = read_file(after("/more/"));
    send_all(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/pdf\r\nContent-Length: " +
                     std::to_string(body.size() / 2) + "\r\n\r\n" + body);
  } else if (path == "/api/query") {
    serve_file(fd, "atom.xml", 0);  // a recorded arXiv API answer
  } else if (path == "/stall") {
    send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n%PDF-1.5\n");
    std::this_thread::sleep_for(std::chrono::seconds(20));
  } else if (path == "/loop") answer(fd, 302, "Found", "Location: /loop\r\n", "");
  else if (path.rfind("/moved/", 0) == 0) answer(fd, 301, "Moved", "Location: /files/" + after("/moved/") + "\r\n", "");
  else if (path == "/html") answer(fd, 200, "OK", "Content-Type: text/html\r\n", "<!DOCTYPE html><html><body>Log in</body></html>");
  else if (path == "/huge") {
    send_all(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1073741824\r\n\r\n%PDF-1.5\n");
  } else answer(fd, 404, "Not Found", "", "not found");
  ::close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: http_server FOLDER PORT_FILE [SECONDS]\n");
    return 2;
  }
  folder = argv[1];
  const int seconds = argc > 3 ? std::atoi(argv[3]) : 120;
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  int yes = 1;
  ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener, 64) != 0) {
    std::perror("http_server");
    return 1;
  }
  socklen_t length = sizeof address;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  {
    std::ofstream(std::string(argv[2]) + ".tmp") << ntohs(address.sin_port) << "\n";
    std::rename((std::string(argv[2]) + ".tmp").c_str(), argv[2]);
  }
  std::thread([seconds] {
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    std::_Exit(0);  // a bounded life, whatever the test does
  }).detach();
  for (;;) {
    const int fd = ::accept(listener, nullptr, nullptr);
    if (fd < 0) continue;
    std::thread(handle, fd).detach();
  }
}
